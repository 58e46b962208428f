"""Demo resources for `seed_demo`: studies, the municipality's strategies and action plans, NGOs' toolkits.

The texts are data: demo_data/resources.json. Years may be relative (`{"years_from_now": -2}`), so that the
strategies meant to be in force stay in force; titles and acts may name them (`{start}`, `{end}`). Files are
generated here (small PDFs written by resources.pdf, CSV text), never downloaded. Publishers and authorities are
the directory's (seeded before this) when there, else their names are kept as text.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page

from directory.models import Organization, Sector
from website import demo

from .models import ResourceDocument, ResourceIndexPage, ResourcePage, ResourceRelatedPage
from .pdf import text_pdf
from .validity import bucharest_today

RESOURCES = Path(__file__).resolve().parent / "demo_data" / "resources.json"


def seed(*, home, topics):
    this_year = bucharest_today().year
    data = demo.load_data(RESOURCES)
    section = data["index"]
    index = demo.child_page(
        home,
        ResourceIndexPage,
        slug=section["slug"],
        title=section["title"],
        show_in_menus=True,
        intro=section["intro"],
        body=demo.streamfield(section["body"]),
        topics=[topics[slug] for slug in section["topics"]],
    )
    pages = {}
    for item in data["resources"]:
        item = dict(item)
        years = {name: _year(item.pop(name), this_year) for name in ("start", "end") if name in item}
        title = item.pop("title").format(**years)
        documents = [
            ResourceDocument(document=_document(document["title"].format(**years), document), sort_order=position)
            for position, document in enumerate(item.pop("documents", []))
        ]
        publisher = _organization(item.pop("publisher"))
        authority = _organization(item.pop("adopted_by", ""))
        implemented_by = item.pop("implemented_by", [])
        item.pop("related", None)
        page = demo.child_page(
            index,
            ResourcePage,
            title=title,
            year=_year(item.pop("year"), this_year),
            publisher_organization=publisher if isinstance(publisher, Organization) else None,
            publisher_name="" if isinstance(publisher, Organization) else publisher,
            adopting_authority=authority if isinstance(authority, Organization) else None,
            adopting_act=item.pop("adopting_act", "").format(**years),
            valid_from=datetime.date(years["start"], 1, 1) if "start" in years else None,
            valid_until=datetime.date(years["end"], 12, 31) if "end" in years else None,
            body=demo.streamfield(item.pop("body")),
            topics=[topics[slug] for slug in item.pop("topics")],
            sectors=list(Sector.objects.filter(slug__in=item.pop("sectors", []))),
            documents=documents,
            **item,
        )
        pages[page.slug] = page
        _link_consultations(page, implemented_by)
    # Related pages once every resource exists (a resource may point to one listed after it).
    for item in data["resources"]:
        page = pages[item["slug"]]
        if item.get("related") and not page.related_links.exists():
            targets = [target for slug in item["related"] if (target := Page.objects.filter(slug=slug).first())]
            page.related_links = [
                ResourceRelatedPage(target=target, sort_order=position) for position, target in enumerate(targets)
            ]
            page.save_revision().publish()
    return []


def _year(value, this_year):
    return this_year + value["years_from_now"] if isinstance(value, dict) else value


def _organization(name):
    """The published directory organization of that name, else the name itself."""
    if not name:
        return ""
    return Organization.objects.live().filter(name=name).first() or name


def _document(title, spec):
    """A generated file (a PDF of paragraphs, or CSV text), reused by title on later runs."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    if "csv" in spec:
        content, extension = spec["csv"].encode("utf-8"), "csv"
    else:
        content, extension = text_pdf(title, spec["paragraphs"]), "pdf"
    document = Document(title=title)
    document.file.save(f"{slugify(title)[:60] or 'document'}.{extension}", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def _link_consultations(policy, slugs):
    """Consultations (seeded before this) on acts that implement `policy`: their "implements" link, set once."""
    for slug in slugs:
        page = Page.objects.filter(slug=slug).first()
        consultation = page.specific if page else None
        if consultation is not None and getattr(consultation, "implemented_policy_id", 0) is None:
            consultation.implemented_policy = policy
            consultation.save_revision().publish()
