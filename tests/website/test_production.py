"""Production: the public address comes from configuration and media have a real way to reach readers."""

import io
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError
from django.test import override_settings
from wagtail.models import Site

from website.checks import check_media_serving, check_public_address

PUBLIC = "https://bucuresti-social.example"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGH",
    "ALLOWED_HOSTS": "bucuresti-social.example",
    "DATABASE_URL": "sqlite:////tmp/bss-production-check-never-created.sqlite3",
    "EMAIL_URL": "smtp://localhost:25",
    "WAGTAILADMIN_BASE_URL": PUBLIC,
}
FILE_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PRINT_SERVE_MEDIA = (
    "import django; django.setup(); from django.conf import settings; print(repr(settings.SERVE_MEDIA))"
)
S3_STORAGE = {**FILE_STORAGE, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}


def ids(messages):
    return [message.id for message in messages]


def deploy_check(**env):
    """`manage.py check --deploy --fail-level WARNING` under the production settings, in a fresh process."""
    variables = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "AWS_", "SERVE_"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={**variables, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


# The public address: the default Site must match WAGTAILADMIN_BASE_URL.


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC)
def test_site_still_on_localhost_fails_the_deploy_check(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    errors = check_public_address(databases=["default"])
    assert ids(errors) == ["website.E001"]
    assert "http://localhost" in errors[0].msg and PUBLIC in errors[0].msg
    assert "sync_site" in errors[0].hint


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC)
def test_sync_site_sets_the_site_from_the_setting_and_the_check_passes(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    out = io.StringIO()
    call_command("sync_site", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("bucuresti-social.example", 443, PUBLIC)
    assert "updated" in out.getvalue()
    assert check_public_address(databases=["default"]) == []

    out = io.StringIO()
    call_command("sync_site", stdout=out)
    assert "already up to date" in out.getvalue()


@pytest.mark.django_db
@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000", WAGTAILAPI_BASE_URL="http://127.0.0.1:8000")
def test_sync_site_keeps_a_development_port(home_page):
    call_command("sync_site", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "base_url", ["https://bucuresti-social.example:8443", "https://example.org/site", "example.org"]
)
def test_addresses_a_site_cannot_have_are_refused(home_page, base_url):
    with override_settings(WAGTAILADMIN_BASE_URL=base_url, WAGTAILAPI_BASE_URL=base_url):
        with pytest.raises(CommandError):
            call_command("sync_site", stdout=io.StringIO())
        assert ids(check_public_address(databases=["default"])) == ["website.E002"]


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL="http://localhost")
def test_api_base_url_must_be_the_public_address():
    assert ids(check_public_address()) == ["website.E002"]


def test_without_a_database_the_site_is_not_queried():
    with override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC):
        assert check_public_address(databases=None) == []


@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC, WAGTAILAPI_BASE_URL=PUBLIC)
def test_an_unmigrated_database_is_reported_not_crashed(monkeypatch):
    def no_table():
        raise DatabaseError("no such table: wagtailcore_site")

    monkeypatch.setattr("website.checks.default_site", no_table)
    messages = check_public_address(databases=["default"])
    assert ids(messages) == ["website.I001"]
    assert "migrate" in messages[0].hint


# Media: object storage, this app (SERVE_MEDIA=django) or a proxy (SERVE_MEDIA=proxy).


@override_settings(DEBUG=False, STORAGES=FILE_STORAGE, SERVE_MEDIA="")
def test_local_media_nobody_serves_is_a_deploy_warning():
    assert ids(check_media_serving()) == ["website.W001"]


@pytest.mark.parametrize(
    ("storages", "serve_media"), [(FILE_STORAGE, "django"), (FILE_STORAGE, "proxy"), (S3_STORAGE, "")]
)
def test_served_media_pass_the_check(storages, serve_media):
    with override_settings(DEBUG=False, STORAGES=storages, SERVE_MEDIA=serve_media):
        assert check_media_serving() == []


@override_settings(SERVE_MEDIA="nginx")
def test_unknown_serve_media_value_is_an_error():
    assert ids(check_media_serving()) == ["website.E003"]


def test_serve_media_true_means_this_app_serves_them():
    env = {**os.environ, **PRODUCTION_ENV, "SERVE_MEDIA": "true"}
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(repr(settings.SERVE_MEDIA))",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == repr("django")


def test_production_deploy_check_warns_until_media_are_served():
    code, output = deploy_check()
    assert code != 0
    assert "website.W001" in output

    code, output = deploy_check(SERVE_MEDIA="django")
    assert code == 0, output
    assert "website.W001" not in output


@pytest.fixture
def media_root(db, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "harta.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "privat.pdf").write_bytes(b"%PDF-1.4")
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@override_settings(DEBUG=False, SERVE_MEDIA="django")
def test_serve_media_serves_uploaded_files(client, media_root):
    response = client.get("/media/images/harta.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]


@override_settings(DEBUG=False, SERVE_MEDIA="django")
@pytest.mark.parametrize(
    "path", ["/media/documents/privat.pdf", "/media/images/../documents/privat.pdf", "/media/images/lipsa.png"]
)
def test_documents_and_missing_files_are_not_served(client, media_root, path):
    """Documents go through Wagtail's /documents/ view, which checks their privacy."""
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("serve_media", ["", "proxy"])
def test_media_are_not_served_by_the_app_otherwise(client, media_root, serve_media):
    with override_settings(DEBUG=False, SERVE_MEDIA=serve_media):
        assert client.get("/media/images/harta.png").status_code == 404
