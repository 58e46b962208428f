"""The directory in the Wagtail admin: listing with search and filters, validation, logos."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from directory.models import Organization
from tests.factories.directory import OrganizationFactory, valid_cui

pytestmark = pytest.mark.django_db

ADMIN = "wagtailsnippets_directory_organization"


def png(size=(120, 60)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b5394").save(buffer, format="PNG")
    return buffer.getvalue()


def organization_form(**changes):
    return {"name": "Asociația Nouă", "slug": "", "kind": "asociatie", "cui": valid_cui(4102030), **changes}


@pytest.fixture
def listed(environment):
    return [
        OrganizationFactory(
            name="Asociația Vecinii din Titan", cui="4267117", topics=[environment], sectors=["sector-3"]
        ),
        OrganizationFactory(name="Fundația Lumina", kind="fundatie", verified=True, sectors=["sector-4"]),
        OrganizationFactory(name="Asociația Ciornă", publish=False, sectors=["sector-3"]),
    ]


def listing_names(response):
    assert response.status_code == 200
    return sorted(str(item) for item in response.context["object_list"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Asociația Ciornă", "Asociația Vecinii din Titan", "Fundația Lumina"]),
        ({"kind": "fundatie"}, ["Fundația Lumina"]),
        ({"verified": "true"}, ["Fundația Lumina"]),
        ({"live": "false"}, ["Asociația Ciornă"]),
        ({"live": "true", "sectors": "SECTOR3"}, ["Asociația Vecinii din Titan"]),
        ({"topics": "MEDIU"}, ["Asociația Vecinii din Titan"]),
        ({"q": "Lumi"}, ["Fundația Lumina"]),
        ({"q": "4267117"}, ["Asociația Vecinii din Titan"]),
    ],
)
def test_editors_search_and_filter_the_listing(client, editor, listed, environment, query, expected):
    from directory.models import Sector

    query = {
        key: {"SECTOR3": Sector.objects.get(slug="sector-3").pk, "MEDIU": environment.pk}.get(value, value)
        for key, value in query.items()
    }
    client.force_login(editor)
    assert listing_names(client.get(reverse(f"{ADMIN}:list"), query)) == expected


def test_listing_exports_for_staff(client, moderator, listed):
    client.force_login(moderator)
    response = client.get(reverse(f"{ADMIN}:list"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Asociația Ciornă" in body  # staff export includes drafts, unlike the public one


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"cui": "4267118"}, "cui", "cui_check_digit"),
        ({"cui": "RO 4267117"}, "cui", "unique"),
        ({"email": "nu-e-email"}, "email", "invalid"),
        ({"website": "pagina mea"}, "website", "invalid"),
        ({"latitude": "51.5", "longitude": "-0.12"}, "latitude", "latitude_outside_romania"),
        ({"latitude": "44.4"}, "longitude", "coordinates_together"),
        ({"logo": "999999"}, "logo", "invalid_choice"),
    ],
)
def test_invalid_input_is_explained_and_nothing_is_saved(client, moderator, changes, field, code):
    OrganizationFactory(name="Primăria Municipiului București", cui="4267117")
    client.force_login(moderator)
    response = client.post(reverse(f"{ADMIN}:add"), {**organization_form(**changes), "action-publish": "1"})
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert code in [error.code for error in errors[field]]
    for error in errors[field]:
        assert str(next(iter(error))) in response.content.decode()  # the message is shown to the user
    assert Organization.objects.count() == 1


def test_moderator_creates_and_publishes_with_normalised_cui(client, moderator, environment):
    client.force_login(moderator)
    response = client.post(
        reverse(f"{ADMIN}:add"),
        {**organization_form(cui=f"RO {valid_cui(4102030)}", topics=[environment.pk]), "action-publish": "1"},
    )
    assert response.status_code == 302
    created = Organization.objects.get()
    assert created.live
    assert created.cui == valid_cui(4102030)
    assert created.slug == "asociatia-noua"
    assert list(created.topics.all()) == [environment]


def upload(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logo",
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_logo_must_be_an_image(client, editor):
    client.force_login(editor)
    response = upload(client, "logo.png", b"%PDF-1.4 not an image")
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == ["invalid_image"]
    assert not get_image_model().objects.exists()


def test_oversized_logo_is_refused(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    client.force_login(editor)
    response = upload(client, "logo.png", png((900, 900)) + b"\0" * 2000)
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == ["file_too_large"]
    assert not get_image_model().objects.exists()


def test_a_valid_logo_is_shown_on_the_profile(client, editor, moderator, home_page):
    client.force_login(editor)
    assert upload(client, "logo.png", png()).status_code == 302
    logo = get_image_model().objects.get()
    organization = OrganizationFactory(name="Asociația Titan", logo=logo)
    html = client.get(organization.get_absolute_url()).content.decode()
    assert 'class="organization-profile__logo"' in html
