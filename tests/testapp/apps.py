from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """A minimal app that plugs into the participation core, as consultations, proposals and dialogue do."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
