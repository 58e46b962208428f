from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.organization_list, name="index"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export.json", views.export_json, name="export_json"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
]
