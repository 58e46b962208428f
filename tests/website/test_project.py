"""Project-wide guarantees: migrations match the models and the demo content is idempotent."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command


def test_no_missing_migrations(db):
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def _row_counts():
    project_apps = ["website", "news", "guides", "funding", "directory", "wagtailcore", "wagtailimages", "auth"]
    return {
        model._meta.label: model._default_manager.count()
        for app_label in project_apps
        for model in apps.get_app_config(app_label).get_models()
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    first = _row_counts()
    assert first["wagtailcore.Page"] > 20
    assert "editor / " in out.getvalue()

    call_command("seed_demo", stdout=io.StringIO())
    assert _row_counts() == first
