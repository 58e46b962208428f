"""Building blocks for `seed_demo`: idempotent page, image and document creation.

Each app has a `demo.py` with a `seed(*, home, topics)` function that uses these.
"""

import io
import json
import random
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site

from .addresses import public_base_url, site_address
from .models import HomePage, Topic

# Demo texts kept as data (JSON, UTF-8), read by the seeders.
DATA_DIR = Path(__file__).resolve().parent / "demo_data"

PALETTE = ["#0b5394", "#00703c", "#8a4b00", "#6f2c91", "#b3261e", "#00677f", "#4a5560"]

TOPICS = [
    "economie socială",
    "economie circulară",
    "incluziune socială",
    "mediu",
    "educație",
    "sănătate",
    "locuire",
    "ocupare",
    "cultură",
    "tineret",
    "vârstnici",
    "persoane cu dizabilități",
    "legislație",
    "finanțări",
    "politici publice",
    "parteneriate",
]


def paragraph(*texts):
    """StreamField data: one paragraph block per text (plain text, escaped by the caller)."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def generated_image(title, *, seed=0, width=1200, height=675):
    """A picture drawn with Pillow (never downloaded); reused by title on later runs."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(f"{title}-{seed}")  # noqa: S311 - decorative
    background = rng.choice(PALETTE)
    picture = PILImage.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    for _ in range(6):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.randrange(height // 6, height // 2)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline="#ffffff", width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"{slugify(title)[:60] or 'imagine'}.png")
    image.save()
    return image


def generated_document(title, text):
    """A small text document, reused by title on later runs."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    from django.core.files.base import ContentFile

    document = Document(title=title)
    document.file.save(f"{slugify(title)[:60] or 'document'}.txt", ContentFile(text.encode("utf-8")), save=False)
    document.save()
    return document


def load_data(path):
    """A demo data file (JSON, UTF-8)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def streamfield(blocks):
    """StreamField data from a data file's body: a list of `{"heading": text}` and `{"paragraph": text}`."""
    result = []
    for block in blocks:
        result += [heading(block["heading"])] if "heading" in block else paragraph(block["paragraph"])
    return result


def _comparable(value):
    """Stream data without block ids, so stored and seeded bodies compare equal when their content does."""
    if isinstance(value, StreamValue):
        value = list(value.raw_data)
    if isinstance(value, list):
        return [(block["type"], block["value"]) for block in value]
    return value


def update_page(page, **fields):
    """Bring a page seeded by an earlier run up to date: a new published revision only when a value differs."""
    changed = {name: value for name, value in fields.items() if _comparable(getattr(page, name)) != _comparable(value)}
    if changed:
        for name, value in changed.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return page


def child_page(parent, model, *, slug, **fields):
    """The child of `parent` with this slug, created and published on the first run only."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    topics = fields.pop("topics", None)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    if topics is not None:
        page.topics.set(topics)
    page.save_revision().publish()
    return page


def home_page():
    """The site's HomePage, replacing Wagtail's default welcome page on the first run."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Acasă",
            slug="acasa",
            seo_title="Bucureștiul social și solidar",
            hero_title="Bucureștiul social și solidar",
            hero_text=(
                "Platforma care ajută organizațiile neguvernamentale și autoritățile publice locale din "
                "București să se cunoască, să informeze publicul și să construiască proiecte împreună."
            ),
            intro=(
                "Știri, ghiduri legislative, finanțări deschise și consultări publice pentru economia socială "
                "și incluziunea socială din Capitală."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    # The address `make run` serves (WAGTAILADMIN_BASE_URL), so that pages, feeds and the API agree.
    site.hostname, site.port = site_address(public_base_url())
    site.site_name = "Bucureștiul social și solidar"
    site.save()
    for page in root.get_children().exclude(pk=home.pk):
        page.delete()
    return home


def topics():
    """The seeded topics, by slug."""
    result = {}
    for name in TOPICS:
        slug = slugify(name)  # NFKD: "educație" -> "educatie"
        topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": name.capitalize()})
        result[slug] = topic
    return result
