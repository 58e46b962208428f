from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    # Public
    path("propuneri/", views.proposal_list, name="index"),
    path("propuneri/<int:pk>/", views.proposal_detail, name="detail"),
    path("propuneri/<int:pk>/parteneriat/", views.partner_offer, name="partner_offer"),
    # "Contul meu"
    path("contul-meu/propuneri/", views.member_list, name="member_list"),
    path("contul-meu/propuneri/noua/", views.proposal_create, name="create"),
    path("contul-meu/propuneri/<int:pk>/", views.member_detail, name="member_detail"),
    path("contul-meu/propuneri/<int:pk>/modifica/", views.proposal_edit, name="edit"),
    path("contul-meu/propuneri/<int:pk>/actiune/", views.transition, name="transition"),
    path("contul-meu/propuneri/<int:pk>/rezultate/", views.results, name="results"),
    path("contul-meu/propuneri/<int:pk>/mesaje/", views.comment, name="comment"),
    path("contul-meu/propuneri/<int:pk>/anexe/", views.attachment_add, name="attachment_add"),
    path("contul-meu/propuneri/anexe/<int:pk>/", views.attachment_download, name="attachment"),
    path("contul-meu/propuneri/anexe/<int:pk>/sterge/", views.attachment_remove, name="attachment_remove"),
    path(
        "contul-meu/propuneri/parteneri/<int:pk>/accepta/",
        views.partner_decide,
        {"decision": "accept"},
        name="partner_accept",
    ),
    path(
        "contul-meu/propuneri/parteneri/<int:pk>/refuza/",
        views.partner_decide,
        {"decision": "decline"},
        name="partner_decline",
    ),
]
