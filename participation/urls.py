from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("contul-meu/notificari/", views.notification_list, name="notifications"),
    path("contul-meu/notificari/<int:pk>/", views.notification_open, name="notification_open"),
    path("contul-meu/notificari/preferinte/", views.preferences, name="preferences"),
    path("contul-meu/urmariri/", views.follow_list, name="follows"),
    path("dezabonare/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("urmareste/<str:label>/<int:pk>/", views.follow_toggle, name="follow"),
    path("raporteaza/<str:label>/<int:pk>/", views.report, name="report"),
]
