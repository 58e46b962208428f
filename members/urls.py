from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile, name="profile"),
    path("organizatii/cauta/", views.organization_search, name="organization_search"),
    path("organizatii/inregistrare/", views.organization_register, name="organization_register"),
    path("organizatii/<int:pk>/", views.organization_detail, name="organization"),
    path("organizatii/<int:pk>/profil/", views.organization_edit, name="organization_edit"),
    path("organizatii/<int:pk>/cerere/", views.join_request, name="join_request"),
    path("cereri/<int:pk>/aproba/", views.membership_approve, name="membership_approve"),
    path("cereri/<int:pk>/respinge/", views.membership_reject, name="membership_reject"),
    path("membri/<int:pk>/administrator/", views.membership_make_administrator, name="membership_make_administrator"),
    path("membri/<int:pk>/evaluator/", views.membership_make_reviewer, name="membership_make_reviewer"),
    path("membri/<int:pk>/evaluator/retrage/", views.membership_remove_reviewer, name="membership_remove_reviewer"),
    path("date-personale/", views.data_export, name="data_export"),
    path("sterge-contul/", views.account_delete, name="account_delete"),
]
