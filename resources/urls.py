from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("politici-publice/", views.public_policies, name="public_policies"),
]
