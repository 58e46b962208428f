from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("contul-meu/recomandari/", views.my_responses, name="my_responses"),
    path("consultari/recomandari/<int:pk>/anexa/", views.attachment, name="attachment"),
]
