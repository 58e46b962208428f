"""Demo directory: about 60 organizations across Bucharest's six sectors and every kind, from demo_data/.

`organizations.csv` has the columns of `manage.py import_organizations` and goes through the same importer.
The public authorities and institutions are real (names, addresses, websites). Primăria Municipiului
București's CUI is confirmed; the sector city halls' CUIs are as recalled and pass the check digit, but
should be confirmed before being relied on. Every other organization is fictional: plausible names,
CUIs built with a valid check digit, contact addresses on example.org. `states.json` names the drafts
and the published organizations with changes waiting (some submitted for moderation). Idempotent: a row
whose CUI or slug exists is left out, so an organization seeded once is left as it is.
"""

import csv
import io
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import Q

from website.demo import generated_image, load_data

from .importers import import_organizations
from .models import Organization

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
ORGANIZATIONS = DATA_DIR / "organizations.csv"
STATES = DATA_DIR / "states.json"


def seed(*, home, topics):
    """Import the demo organizations that do not exist yet; returns no logins."""
    with ORGANIZATIONS.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    states = load_data(STATES)
    new = [(index, row) for index, row in enumerate(rows) if not _exists(row)]
    drafts = set(states["drafts"])
    for publish in (True, False):
        batch = [row for _index, row in new if (row["cui"] not in drafts) == publish]
        if not batch:
            continue
        report = import_organizations(_csv(batch, columns=list(rows[0])), filename=ORGANIZATIONS.name, publish=publish)
        if report.rejected:
            raise ValueError(f"{ORGANIZATIONS.name}: " + " ".join(str(problem) for problem in report.rejected))
    for index, row in new:
        organization = Organization.objects.get(cui=row["cui"])
        if index % 4 != 3:  # most, not all, have a logo
            _add_logo(organization, generated_image(f"Logo {row['name']}", seed=index, width=400, height=200))
        if row["cui"] in states["pending"]:
            _change_waiting(organization, **states["pending"][row["cui"]])
    return []


def _exists(row):
    return Organization.objects.filter(Q(slug=row["slug"]) | Q(cui=row["cui"])).exists()


def _csv(rows, *, columns):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _add_logo(organization, image):
    """The logo is no CSV column: set on the imported organization, and published if it is."""
    organization.logo = image
    if not organization.live:
        organization.save()
    revision = organization.save_revision()
    if organization.live:
        revision.publish()


def _change_waiting(organization, *, name, changes, submit_for_moderation):
    """A change saved by the editor but not approved: the public keeps seeing the published values."""
    editor = get_user_model().objects.filter(username="editor").first()
    organization = Organization.objects.get(pk=organization.pk)
    for field, value in changes.items():
        setattr(organization, field, value)
    organization.save_revision(user=editor, log_action=True)
    if submit_for_moderation and editor is not None:
        Organization.get_default_workflow().start(organization, editor)
