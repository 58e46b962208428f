from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("stiri/vizualizari/<int:page_id>/", views.record_view, name="record_view"),
    path("stiri/vizualizari/<int:page_id>/pixel.gif", views.record_view_pixel, name="record_view_pixel"),
]
