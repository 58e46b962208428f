"""The iCal feed's address. Wagtail's page URLs cannot contain a dot, so `<index>/calendar.ics` comes here
and is handed back to Wagtail's page routing (privacy rules included) as the index page's calendar route."""

from django.urls import re_path

from . import views

app_name = "funding"

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w\-]+/)*)calendar\.ics$", views.calendar, name="calendar"),
]
