"""`manage.py import_organizations`: good rows in, bad rows reported by line, idempotent on the CUI."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.utils.translation import gettext as _

from directory.importers import ImportFileError, import_organizations
from directory.models import Organization
from tests.factories.directory import OrganizationFactory, valid_cui
from website import demo

pytestmark = pytest.mark.django_db

EXAMPLE = Path(settings.BASE_DIR) / "directory" / "fixtures" / "organizations-example.csv"

MIXED = "\n".join(
    [
        "name,kind,cui,email,latitude,longitude,sectors,topics,seeking_partners",
        f"Asociația Bună,asociatie,RO {valid_cui(4102030)},buna@example.org,44.42,26.15,sector-3,mediu,da",
        "Asociația Cu CUI Greșit,asociatie,4267118,,,,,,",
        f"Fundația Bună,fundație,{valid_cui(3812345)},,,,5; Sector 6,Educație,nu",
        f"Asociația Email,asociatie,{valid_cui(4156789)},nu-e-email,,,,,",
        f"Asociația Departe,asociatie,{valid_cui(3345671)},,51.5,-0.12,,,",
        '"Asociația ""Pe două',
        f'rânduri""",federatie,{valid_cui(4411223)},,,,municipiu,,',
        f"Tip Necunoscut,partid,{valid_cui(5550001)},,,,sector-9,nu-exista,poate",
        f"Dublură,asociatie,RO{valid_cui(4102030)},,,,,,",
        "",
    ]
)


@pytest.fixture
def run(tmp_path):
    """Import a file holding `data` (text is written as UTF-8) with the command; returns its (stdout, stderr)."""

    def run(data, **options):
        path = tmp_path / "organizatii.csv"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out, err = StringIO(), StringIO()
        call_command("import_organizations", str(path), stdout=out, stderr=err, **options)
        return out.getvalue(), err.getvalue()

    return run


@pytest.fixture(autouse=True)
def topics(environment, education):
    return [environment, education]


def summary(rows, created=0, updated=0, unchanged=0, rejected=0):
    """The command's last line, in the active language."""
    return _(
        "%(rows)d rows read: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(rejected)d rejected."
    ) % {"rows": rows, "created": created, "updated": updated, "unchanged": unchanged, "rejected": rejected}


def test_good_rows_are_imported_and_bad_rows_reported_by_line():
    report = import_organizations(MIXED.encode(), filename="organizatii.csv")
    assert [line for line, name in report.created] == [2, 4, 7]
    # The quoted name spans lines 7 and 8, so the next row starts on line 9.
    problems = {problem.line: problem.messages for problem in report.rejected}
    assert list(problems) == [3, 5, 6, 9, 10]
    assert problems[3] == [
        "cui: " + _("The fiscal code (CUI) check digit is wrong. Check that the code was copied correctly.")
    ]
    assert len(problems[5]) == 1 and problems[5][0].startswith("email: ")
    assert problems[6] == [
        "latitude: " + _("The latitude must be within Romania (between 43.6 and 48.3)."),
        "longitude: " + _("The longitude must be within Romania (between 20.2 and 29.7)."),
    ]
    kinds = ", ".join(Organization.Kind.values)
    assert problems[9] == [
        "kind: " + _("unknown kind “%(value)s”; use one of: %(kinds)s.") % {"value": "partid", "kinds": kinds},
        "seeking_partners: " + _("“%(value)s” is not da or nu.") % {"value": "poate"},
        "topics: " + _("unknown %(column)s: %(names)s.") % {"column": "topics", "names": "nu-exista"},
        "sectors: " + _("unknown %(column)s: %(names)s.") % {"column": "sectors", "names": "sector-9"},
    ]
    assert problems[10] == ["cui: " + _("the same CUI is already on line %(line)d.") % {"line": 2}]

    good = Organization.objects.get(cui=valid_cui(4102030))
    assert good.live and not good.has_unpublished_changes
    assert good.name == "Asociația Bună"
    assert [s.slug for s in good.sectors.all()] == ["sector-3"]
    assert [t.slug for t in good.topics.all()] == ["mediu"]
    assert good.seeking_partners
    foundation = Organization.objects.get(name="Fundația Bună")
    assert foundation.kind == Organization.Kind.FOUNDATION
    assert [s.slug for s in foundation.sectors.all()] == ["sector-5", "sector-6"]
    assert [t.slug for t in foundation.topics.all()] == ["educatie"]
    assert Organization.objects.get(kind="federatie").name == 'Asociația "Pe două\nrânduri"'
    assert Organization.objects.count() == 3


def test_command_prints_each_bad_row_and_a_summary(run):
    out, err = run(MIXED)
    assert out.strip() == summary(8, created=3, rejected=5)
    lines = err.strip().splitlines()
    assert len(lines) == 5
    assert lines[0] == _("Line %(line)d: %(reasons)s") % {
        "line": 3,
        "reasons": "cui: "
        + _("The fiscal code (CUI) check digit is wrong. Check that the code was copied correctly."),
    }


def test_a_second_run_updates_and_never_duplicates(run):
    run(MIXED)
    first_revisions = {o.pk: o.revisions.count() for o in Organization.objects.all()}
    out, _err = run(MIXED)
    assert out.strip() == summary(8, unchanged=3, rejected=5)
    assert Organization.objects.count() == 3
    assert {o.pk: o.revisions.count() for o in Organization.objects.all()} == first_revisions

    changed = MIXED.replace("Asociația Bună,", "Asociația Bună și Nouă,")
    out, _err = run(changed)
    assert out.strip() == summary(8, updated=1, unchanged=2, rejected=5)
    updated = Organization.objects.get(cui=valid_cui(4102030))
    assert updated.name == "Asociația Bună și Nouă"
    assert updated.live and not updated.has_unpublished_changes
    assert Organization.objects.count() == 3


def test_absent_columns_keep_values_and_empty_cells_clear_them(run):
    organization = OrganizationFactory(
        cui=valid_cui(4102030), phone="+40 21 000 11 22", website="https://a.example.org/"
    )
    run(f"name,kind,cui,website\nAsociația A,asociatie,{organization.cui},\n")
    organization.refresh_from_db()
    assert organization.name == "Asociația A"
    assert organization.phone == "+40 21 000 11 22"  # no phone column: kept
    assert organization.website == ""  # empty cell: cleared


def test_example_file_imports_cleanly(run):
    demo.topics()  # the example uses the seeded topics
    out, err = run(EXAMPLE.read_bytes())
    assert err == ""
    assert out.strip() == summary(4, created=4)
    pasi = Organization.objects.get(name="Fundația Pași spre Școală")
    assert str(pasi.latitude) == "44.391200"  # a decimal comma is accepted
    assert pasi.social_service_provider and pasi.verified


def test_semicolon_separated_file_from_a_romanian_spreadsheet(run):
    text = f"name;kind;cui;description\r\nAsociația Punct și Virgulă;asociatie;{valid_cui(4102030)};Are, virgule\r\n"
    out, _err = run(text)
    assert out.strip() == summary(1, created=1)
    assert Organization.objects.get().description == "Are, virgule"


def test_utf8_with_bom_and_cedillas(run):
    text = f"\ufeffname,kind,cui\nAsociaţia Şcoala,asociatie,{valid_cui(4102030)}\n"
    run(text)
    assert Organization.objects.get().name == "Asociația Școala"


def test_windows_1250_file_is_refused_with_advice_or_read_with_encoding(run):
    data = f"name,kind,cui\nAsociaţia Română,asociatie,{valid_cui(4102030)}\n".encode("cp1250")
    with pytest.raises(CommandError) as error:
        run(data)
    assert str(error.value) == _(
        "%(file)s is not UTF-8 text (unexpected byte 0x%(byte)02x on line %(line)d). Files saved by "
        "spreadsheet programs on Romanian Windows are often in Windows-1250 or ISO-8859-2 (Latin-2): save it "
        "again as “CSV UTF-8”, or import it with --encoding=cp1250 (or --encoding=iso-8859-2)."
    ) % {"file": "organizatii.csv", "byte": "ţ".encode("cp1250")[0], "line": 2}
    assert not Organization.objects.exists()

    run(data, encoding="cp1250")
    assert Organization.objects.get().name == "Asociația Română"


def test_latin2_file_with_encoding_option(run):
    data = f"name,kind,cui\nAsociaţia Ţară,asociatie,{valid_cui(4102030)}\n".encode("iso-8859-2")
    run(data, encoding="iso-8859-2")
    assert Organization.objects.get().name == "Asociația Țară"


FILE = {"file": "organizatii.csv"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", lambda: _("%(file)s is empty.") % FILE),
        (b"\xef\xbb\xbf \r\n", lambda: _("%(file)s is empty.") % FILE),
        (b"name,kind,cui\n", lambda: _("%(file)s has column names but no organizations.") % FILE),
        (b"name,kind\nA,asociatie\n", lambda: missing_columns("cui")),
        (b"nume;tip;cod\nA;asociatie;4267117\n", lambda: missing_columns("name, kind, cui")),
        (
            b"name,kind,cui,name\nA,asociatie,4267117,B\n",
            lambda: _("%(file)s has the column %(columns)s more than once.") % {**FILE, "columns": "name"},
        ),
        (
            "name,kind,cui\n".encode("utf-16"),
            lambda: (
                _("%(file)s is saved as UTF-16 (“Unicode text”). Save it again as “CSV UTF-8” and import it again.")
                % FILE
            ),
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(data, message, run):
    with pytest.raises(CommandError) as error:
        run(data)
    assert str(error.value) == message()
    assert not Organization.objects.exists()


def missing_columns(missing):
    return _(
        "%(file)s has no column %(missing)s. The first line must name the columns; required: %(required)s "
        "(see “Importing organizations” in the README)."
    ) % {**FILE, "missing": missing, "required": "name, kind, cui"}


def test_unknown_encoding_and_missing_file(run):
    with pytest.raises(CommandError) as error:
        run("name,kind,cui\n", encoding="klingon")
    assert str(error.value) == _("Unknown encoding “%(encoding)s”.") % {"encoding": "klingon"}
    with pytest.raises(CommandError, match="/nu/exista.csv"):
        call_command("import_organizations", "/nu/exista.csv")


def line(number, *reasons):
    return _("Line %(line)d: %(reasons)s") % {"line": number, "reasons": " ".join(reasons)}


def test_rows_with_a_wrong_number_of_values_are_reported(run):
    out, err = run(f"name,kind,cui\nA,asociatie\nB,asociatie,{valid_cui(4102030)}\n")
    reason = _("it has %(cells)d values but the first line names %(columns)d columns.") % {"cells": 2, "columns": 3}
    assert err.strip() == line(2, reason)
    assert out.strip() == summary(2, created=1, rejected=1)


def test_unknown_columns_are_listed_and_export_columns_ignored(run):
    out, err = run(f"id,name,kind,cui,profile_url,culoare\n7,A,asociatie,{valid_cui(4102030)},http://x,roșu\n")
    assert err.strip() == _("Columns ignored (not recognised): %(columns)s") % {"columns": "culoare"}
    assert out.strip() == summary(1, created=1)


def test_a_row_that_fails_while_saving_leaves_nothing_behind(monkeypatch, run):
    real_save_revision = Organization.save_revision

    def failing(self, *args, **kwargs):
        if self.name == "Asociația Ghinionistă":
            raise DatabaseError("disk full")
        return real_save_revision(self, *args, **kwargs)

    monkeypatch.setattr(Organization, "save_revision", failing)
    out, err = run(
        f"name,kind,cui,sectors\nAsociația Ghinionistă,asociatie,{valid_cui(4102030)},sector-1\n"
        f"Asociația Norocoasă,asociatie,{valid_cui(3812345)},sector-2\n"
    )
    assert err.strip() == line(2, _("the database refused the row: %(error)s") % {"error": "disk full"})
    assert out.strip() == summary(2, created=1, rejected=1)
    # The failed row's organization was saved before the failure, and rolled back with its relations.
    assert list(Organization.objects.values_list("name", flat=True)) == ["Asociația Norocoasă"]
    assert Organization.sectors.through.objects.count() == 1


def test_draft_option_keeps_new_data_private(run):
    published = OrganizationFactory(cui=valid_cui(4102030), name="Asociația Publicată")
    out, _err = run(
        f"name,kind,cui\nAsociația Publicată Altfel,asociatie,{published.cui}\n"
        f"Asociația Nouă,asociatie,{valid_cui(3812345)}\n",
        draft=True,
    )
    assert out.strip() == (
        summary(2, created=1, updated=1)
        + " "
        + _("The new data was saved as drafts: publish it from the admin (Organizations).")
    )
    assert list(Organization.objects.live().values_list("name", flat=True)) == ["Asociația Publicată"]
    published.refresh_from_db()
    assert published.has_unpublished_changes
    assert published.get_latest_revision_as_object().name == "Asociația Publicată Altfel"
    assert not Organization.objects.get(cui=valid_cui(3812345)).live


def test_organizations_waiting_for_moderation_are_left_alone(editor, run):
    pending = OrganizationFactory(cui=valid_cui(4102030), name="Asociația În Așteptare")
    pending.name = "Schimbare propusă"
    pending.save_revision(user=editor)
    Organization.get_default_workflow().start(pending, editor)
    draft_edited = OrganizationFactory(cui=valid_cui(3812345), name="Asociația Cu Ciornă")
    draft_edited.name = "Ciornă nepublicată"
    draft_edited.save_revision()

    out, err = run(f"name,kind,cui\nDin import,asociatie,{pending.cui}\nDin import 2,asociatie,{draft_edited.cui}\n")
    assert err.strip().splitlines() == [
        line(2, _("its changes are waiting for moderation; approve or reject them first.")),
        line(3, _("it has unpublished changes; publish or discard them in the admin first.")),
    ]
    assert out.strip() == summary(2, rejected=2)
    assert set(Organization.objects.values_list("name", flat=True)) == {
        "Asociația În Așteptare",
        "Asociația Cu Ciornă",
    }


def test_an_existing_draft_stays_a_draft(run):
    draft = OrganizationFactory(cui=valid_cui(4102030), name="Asociația Ciornă", publish=False)
    run(f"name,kind,cui\nAsociația Ciornă Actualizată,asociatie,{draft.cui}\n")
    draft.refresh_from_db()
    assert draft.name == "Asociația Ciornă Actualizată"
    assert not draft.live


def test_service_raises_for_unreadable_files():
    with pytest.raises(ImportFileError):
        import_organizations(b"", filename="gol.csv")
    report = import_organizations(f"name,kind,cui\nA,asociatie,{valid_cui(4102030)}\n".encode(), filename="a.csv")
    assert report.created == [(2, "A")]
    assert report.rows == 1


def test_an_export_imports_back_unchanged(client, run, environment):
    OrganizationFactory(
        name="=1+2 Asociația Șoimii",
        cui=valid_cui(4102030),
        topics=[environment],
        sectors=["sector-3", "municipiu"],
        latitude="44.421700",
        longitude="26.151200",
        phone="+40 21 000 11 22",
        verified=True,
    )
    exported = b"".join(client.get("/organizatii/export.csv").streaming_content)
    out, err = run(exported)
    assert err == ""
    assert out.strip() == summary(1, unchanged=1)


def test_an_empty_slug_keeps_the_profile_address(run):
    organization = OrganizationFactory(cui=valid_cui(4102030), name="Asociația Veche", slug="asociatia-veche")
    run(f"name,kind,cui,slug\nAsociația Nouă,asociatie,{organization.cui},\n")
    organization.refresh_from_db()
    assert (organization.name, organization.slug) == ("Asociația Nouă", "asociatia-veche")
