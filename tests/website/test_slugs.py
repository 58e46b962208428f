"""Web addresses are plain ASCII: Romanian letters, in both spellings of ș and ț, are transliterated."""

import html
import json
import re

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from directory.models import Organization
from tests.factories.directory import valid_cui
from website.models import ContentPage, Topic
from website.slugs import SLUG_FORMATTERS, transliterate

pytestmark = pytest.mark.django_db

# Every Romanian letter with a diacritic, with ş and ţ in the legacy cedilla spelling too.
TITLE = "Reparații în școala din Ştefăneşti: ţevi noi, Ăă Ââ Îî Șș Țț"
EXPECTED = "reparatii-in-scoala-din-stefanesti-tevi-noi-aa-aa-ii-ss-tt"


def content_page_form(**fields):
    return nested_form_data({"title": TITLE, "slug": "", "intro": "", "body": streamfield([]), **fields})


def test_transliterate_handles_both_spellings():
    assert transliterate("ăâîșşțţĂÂÎȘŞȚŢ") == "aaissttAAISSTT"


def test_a_page_slug_filled_in_from_the_title_is_ascii(home_page):
    page = home_page.add_child(instance=ContentPage(title=TITLE))

    assert page.slug == EXPECTED


def test_a_page_slug_typed_with_diacritics_is_transliterated(admin_client, home_page):
    data = content_page_form(slug="reparații-ţevi-Ştefăneşti")

    response = admin_client.post(f"/admin/pages/add/website/contentpage/{home_page.pk}/", data)

    assert response.status_code == 302
    assert ContentPage.objects.get(title=TITLE).slug == "reparatii-tevi-Stefanesti"


@pytest.mark.parametrize("slug", ["știri/2026", "новости", "două cuvinte"])
def test_a_page_slug_that_cannot_be_ascii_is_refused_in_romanian(admin_client, home_page, slug):
    response = admin_client.post(f"/admin/pages/add/website/contentpage/{home_page.pk}/", content_page_form(slug=slug))

    assert response.status_code == 200
    assert not ContentPage.objects.filter(title=TITLE).exists()
    assert "Adresa web poate conține doar litere fără diacritice" in response.content.decode()


def test_the_page_slug_explains_the_web_address(admin_client, home_page):
    content = admin_client.get(f"/admin/pages/add/website/contentpage/{home_page.pk}/").content.decode()

    assert "Ultima parte a adresei web a paginii" in content
    assert "domain.com/blog" not in content


def apply_browser_formatters(value, formatters):
    """What Wagtail's slug controller does with the formatters before its own clean-up."""
    for (pattern, _flags), replacement in formatters:
        value = re.sub(pattern, replacement, value)
    return value


def test_the_admin_slug_widget_transliterates_the_cedilla_letters(admin_client, home_page):
    content = admin_client.get(f"/admin/pages/add/website/contentpage/{home_page.pk}/").content.decode()
    match = re.search(r'data-w-slug-formatters-value="([^"]+)"', content)
    assert match, "the slug widget has no formatters"
    formatters = json.loads(html.unescape(match.group(1)))

    # Wagtail's own map has ş but not ţ: without the formatters "Reparaţii" loses its "t".
    assert apply_browser_formatters("Reparaţii Ştefăneşti țară", formatters) == "Reparatii Stefanesti tara"
    assert len(formatters) == len(SLUG_FORMATTERS)


def test_an_organization_slug_from_its_name_is_ascii(admin_client):
    data = {"name": "Asociația Ţesătorii din Ştefăneşti", "slug": "", "kind": "asociatie", "cui": valid_cui(4102030)}

    response = admin_client.post("/admin/snippets/directory/organization/add/", data)

    assert response.status_code == 302
    assert Organization.objects.get().slug == "asociatia-tesatorii-din-stefanesti"


def test_an_organization_slug_typed_with_diacritics_is_transliterated(admin_client):
    data = {
        "name": "Asociația Ţesătorii",
        "slug": "țesătorii-ştefăneşti",
        "kind": "asociatie",
        "cui": valid_cui(4102030),
    }

    response = admin_client.post("/admin/snippets/directory/organization/add/", data)

    assert response.status_code == 302
    assert Organization.objects.get().slug == "tesatorii-stefanesti"


def test_a_topic_slug_typed_with_diacritics_is_transliterated(admin_client):
    response = admin_client.post("/admin/snippets/website/topic/add/", {"name": "Educație", "slug": "educație"})

    assert response.status_code == 302
    assert Topic.objects.get(name="Educație").slug == "educatie"
