"""Large, realistic data for benchmarks, on top of seed_demo's tree: news, funding calls, guides, organizations.

Every option is a target total, not an increment: a second run tops up to it and never duplicates.
Text comes from Romanian word lists and a fixed random seed; nothing is downloaded. The site-wide search's
documents are rebuilt at the end (the rows are saved without the signals that keep them current).
"""

import random
import time
from contextlib import contextmanager
from datetime import datetime, timedelta
from datetime import time as clock
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from directory.models import Organization, Sector
from directory.text import fold
from directory.validators import cui_check_digit
from funding.models import ApplicantKind, FundingCallPage, FundingIndexPage
from funding.status import BUCHAREST
from guides.models import ActKind, GuideIndexPage, GuideQuestion, LegalAct, LegislationGuidePage
from news.models import NewsIndexPage, NewsPage, NewsPageTag
from search import signals as search_signals
from search.services import documents_rebuild
from website import demo
from website.models import HomePage

DEFAULTS = {"news": 2000, "calls": 300, "guides": 100, "organizations": 5000}
BATCH_SIZE = 500

# Where things happen: the sectors and the neighbourhoods people name.
SECTORS = [f"Sectorul {number}" for number in range(1, 7)]
NEIGHBOURHOODS = [
    "Ferentari", "Rahova", "Colentina", "Titan", "Drumul Taberei", "Berceni", "Militari", "Pantelimon",
    "Giulești", "Crângași", "Dristor", "Balta Albă", "Tei", "Floreasca", "Vitan", "Văcărești", "Obor",
    "Progresul", "Ghencea", "Cotroceni", "Dămăroaia", "Băneasa", "Pajura", "Iancului", "Tineretului",
    "Olteniței", "Apărătorii Patriei", "Lujerului", "Gorjului", "Fundeni", "Andronache", "Bucureștii Noi",
    "Chitila", "Uranus", "Lipscani", "Grivița", "Aviației", "Sălaj", "Ferdinand", "Ozana",
]  # fmt: skip
PLACES = [*SECTORS, *NEIGHBOURHOODS, "București", "Capitală"]

ACTORS = [
    "Primăria Municipiului București", *[f"Primăria {sector.replace('ul', 'ului', 1)}" for sector in SECTORS],
    *[f"DGASPC Sector {number}" for number in range(1, 7)], "AMOFM București", "Biblioteca Metropolitană",
    "Un grup de voluntari", "O asociație de locatari", "Federația organizațiilor sociale", "O întreprindere socială",
    "Consiliul General al Municipiului București", "Un consorțiu de ONG-uri", "Universitatea din București",
]  # fmt: skip
ACTIONS = ["lansează", "extinde", "anunță", "finanțează", "deschide", "pregătește", "evaluează", "prelungește"]
SERVICES = [
    "un program de consiliere socială", "un centru de zi", "o campanie de informare", "ateliere gratuite",
    "un serviciu de îngrijire la domiciliu", "cursuri de calificare", "un apel de proiecte", "o rețea de mentori",
    "o cantină socială", "un punct de colectare", "o bursă a locurilor de muncă", "un adăpost de urgență",
]  # fmt: skip
DOMAINS = [
    "educație financiară", "reciclare a textilelor", "reparații de electrocasnice", "orientare profesională",
    "locuire socială", "alfabetizare digitală", "terapie prin artă", "agricultură urbană", "sănătate mintală",
    "prevenire a abandonului școlar", "economie socială", "voluntariat", "accesibilitate", "mobilitate urbană",
    "antreprenoriat social", "educație civică", "reutilizare a mobilierului", "incluziune a romilor",
]  # fmt: skip
BENEFICIARIES = [
    "vârstnici", "tineri care părăsesc sistemul de protecție", "persoane cu dizabilități", "familii monoparentale",
    "persoane fără adăpost", "elevi", "șomeri de lungă durată", "victime ale violenței domestice", "refugiați",
    "copii din familii vulnerabile", "îngrijitori informali", "studenți", "părinți singuri",
    "persoane vârstnice singure",
]  # fmt: skip
NUMBERS = ["Zeci", "Sute", "Peste 100", "Aproape 50", "Peste 300", "Circa 40", "Mai mult de 200"]
GROUPS = ["de organizații", "de voluntari", "de familii", "de tineri", "de vârstnici", "de elevi", "de angajatori"]
RESULTS = [
    "au participat la", "au primit sprijin prin", "s-au înscris în", "au beneficiat de", "au contribuit la",
]  # fmt: skip
AUTHORS = [
    "Redacția", "Andreea Ionescu", "Mihai Stan", "Ioana Dumitrescu", "Elena Popa", "Andrei Marinescu",
    "Cristina Georgescu", "Radu Constantinescu", "Maria Stoica", "Vlad Munteanu", "Alina Dobre", "Sorin Neagu",
]  # fmt: skip
SOURCES = [
    ("Primăria Municipiului București", "https://www.pmb.ro/"),
    ("AJOFM București", "https://www.anofm.ro/"),
    ("Ministerul Muncii și Solidarității Sociale", "https://mmuncii.ro/"),
    ("Institutul Național de Statistică", "https://insse.ro/"),
    ("Primăria Sectorului 3", "https://www.primarie3.ro/"),
    ("", ""),
    ("", ""),
]
TAGS = [
    "ONG", "voluntariat", "întreprinderi sociale", "consultare publică", "fonduri europene", "Legea 219/2015",
    "Legea 350/2005", "Legea 52/2003", "buget participativ", "reciclare", "reutilizare", "locuințe sociale",
    "centre de zi", "grădini comunitare", "AJOFM", "DGASPC", "PMB", "transparență", "accesibilitate", "educație",
    "tineret", "vârstnici", "sănătate mintală", "parteneriate", "marca socială", *SECTORS,
]  # fmt: skip
SENTENCES = [
    "{actor} a anunțat că programul va continua și anul viitor, cu un buget mai mare.",
    "Inițiativa pornește de la nevoile semnalate de {beneficiaries} din {place}.",
    "Organizațiile interesate se pot înscrie până la sfârșitul lunii, pe baza unui formular simplu.",
    "Activitățile sunt gratuite și au loc în spații puse la dispoziție de primărie.",
    "Proiectul este derulat în parteneriat cu școli, biblioteci și asociații de locatari din {place}.",
    "Primele rezultate arată că {number} {group} {result} activitățile de {domain}.",
    "Coordonatorii caută voluntari pentru weekend și parteneri care pot oferi spații de lucru.",
    "Finanțarea acoperă salariile specialiștilor, materialele și transportul beneficiarilor.",
    "Reprezentanții organizațiilor au cerut un calendar clar al consultărilor publice.",
    "Datele vor fi publicate într-un format deschis, ca să poată fi verificate de oricine.",
    "Un raport de evaluare va fi prezentat la finalul primului an de funcționare.",
    "Serviciul completează ofertele existente ale direcțiilor de asistență socială.",
]  # fmt: skip
HEADINGS = ["Ce se schimbă", "Cine poate participa", "Următorii pași", "Cum vă implicați", "Context"]

FUNDERS = [
    "Primăria Municipiului București", "Ministerul Investițiilor și Proiectelor Europene",
    "Ministerul Muncii și Solidarității Sociale", "Administrația Fondului Cultural Național",
    "Administrația Fondului pentru Mediu", "Fundația Comunitară București",
    "Fundația pentru Dezvoltarea Societății Civile", "Ministerul Familiei, Tineretului și Egalității de Șanse",
    *[f"Primăria {sector.replace('ul', 'ului', 1)}" for sector in SECTORS],
]  # fmt: skip
GRANT_KINDS = ["Granturi", "Finanțări nerambursabile", "Microgranturi", "Apel de proiecte", "Fond de sprijin"]
PROGRAMMES = [
    "Programul Incluziune și Demnitate Socială 2021-2027", "Programul Educație și Ocupare 2021-2027",
    "Programul anual de finanțări nerambursabile (Legea 350/2005)", "Fondul pentru inițiative comunitare",
    "Programul Regiunea București-Ilfov 2021-2027", "Programul de granturi pentru cultură",
]  # fmt: skip

GUIDE_SUBJECTS = [
    "Voluntariatul", "Contractele de finanțare nerambursabilă", "Acreditarea serviciilor sociale",
    "Sponsorizarea", "Direcționarea a 3,5% din impozit", "Achizițiile rezervate", "Protecția datelor personale",
    "Raportarea financiară", "Atestatul de întreprindere socială", "Parteneriatele public-private",
    "Consultările publice", "Cererile de informații publice", "Statutul de utilitate publică",
    "Registrul asociațiilor și fundațiilor", "Angajarea persoanelor cu dizabilități",
]  # fmt: skip
GUIDE_AUDIENCES = [  # (for whom, who)
    ("asociații", "asociațiile"), ("fundații", "fundațiile"), ("întreprinderi sociale", "întreprinderile sociale"),
    ("primării", "primăriile"), ("voluntari", "voluntarii"), ("coordonatori de proiect", "coordonatorii de proiect"),
    ("furnizori de servicii sociale", "furnizorii de servicii sociale"),
    ("grupuri de inițiativă", "grupurile de inițiativă"),
]  # fmt: skip
GUIDE_FORMATS = ["ghid practic", "întrebări frecvente", "pas cu pas", "pe scurt", "ce spune legea"]
ACTS = [
    (ActKind.LAW, "219", 2015, "privind economia socială"),
    (ActKind.ORDINANCE, "26", 2000, "cu privire la asociații și fundații"),
    (ActKind.LAW, "52", 2003, "privind transparența decizională în administrația publică"),
    (ActKind.LAW, "350", 2005, "privind regimul finanțărilor nerambursabile din fonduri publice"),
    (ActKind.LAW, "544", 2001, "privind liberul acces la informațiile de interes public"),
    (ActKind.LAW, "292", 2011, "asistenței sociale"),
    (ActKind.LAW, "197", 2012, "privind asigurarea calității în domeniul serviciilor sociale"),
    (ActKind.LAW, "448", 2006, "privind protecția și promovarea drepturilor persoanelor cu handicap"),
    (ActKind.LAW, "78", 2014, "privind reglementarea activității de voluntariat în România"),
    (ActKind.LAW, "272", 2004, "privind protecția și promovarea drepturilor copilului"),
    (ActKind.LAW, "98", 2016, "privind achizițiile publice"),
    (ActKind.LAW, "227", 2015, "privind Codul fiscal"),
    (ActKind.GOVERNMENT_DECISION, "585", 2016, "pentru aprobarea Normelor metodologice ale Legii nr. 219/2015"),
    (ActKind.EMERGENCY_ORDINANCE, "57", 2019, "privind Codul administrativ"),
]
CITED_AS = {
    ActKind.LAW: "Legea",
    ActKind.ORDINANCE: "OG",
    ActKind.EMERGENCY_ORDINANCE: "OUG",
    ActKind.GOVERNMENT_DECISION: "HG",
}
QUESTIONS = [
    ("Cine trebuie să aplice {act}?", "Orice organizație care desfășoară activitățile descrise în lege."),
    ("Ce termene prevede {act}?", "Termenele diferă după procedură; ghidul le enumeră în ordinea în care apar."),
    ("Unde găsesc forma consolidată pentru {act}?", "Pe portalul legislativ al Ministerului Justiției."),
    ("Ce se întâmplă dacă nu respectăm {act}?", "Autoritatea poate aplica sancțiuni sau poate refuza finanțarea."),
    ("Se aplică {act} și organizațiilor mici?", "Da, fără excepții de mărime, cu obligații mai simple la raportare."),
    ("Cine ne poate ajuta cu {act}?", "Federațiile de ONG-uri și direcțiile de asistență socială oferă consiliere."),
]  # fmt: skip

ORGANIZATION_KINDS = [
    # (kind, name prefixes, weight)
    (
        Organization.Kind.ASSOCIATION,
        ["Asociația", "Asociația Comunitară", "Asociația Civică", "Asociația Socială"],
        55,
    ),
    (Organization.Kind.FOUNDATION, ["Fundația", "Fundația Comunitară"], 20),
    (Organization.Kind.SOCIAL_ENTERPRISE, ["Atelierul Social", "Cooperativa Socială", "Întreprinderea Socială"], 15),
    (Organization.Kind.FEDERATION, ["Federația", "Rețeaua"], 4),
    (Organization.Kind.OTHER, ["Grupul de Inițiativă", "Clubul Comunitar"], 6),
]
NAME_CORES = [
    "Solidaritate", "Speranța", "Pași Mici", "Mâini Deschise", "Casa Bunicilor", "Orizont", "Punți", "Vecinătate",
    "Lumina", "Împreună", "Zâmbet", "Rădăcini", "Aripi", "Cartierul Viu", "Pentru Comunitate", "Inimă Deschisă",
    "Bucuria", "Sprijin", "Echilibru", "Ecou", "Șanse Egale", "Prietenia", "Viitorul", "Drumul Bun", "Vatra",
    "Generații", "Primul Pas", "Curcubeu", "Mâine", "Ajutor Reciproc", "Grădina Verde", "Cărți pentru Toți",
    "Atelier Deschis", "Casa Deschisă", "Pâine și Lapte", "Noi Începuturi", "Sănătate pentru Toți", "Bicicleta",
    "Vocea Cartierului", "Reparăm Împreună",
]  # fmt: skip
DESCRIPTIONS = [
    "Lucrăm cu {beneficiaries} din {place}: {domain}, consiliere și activități de grup.",
    "Organizăm ateliere de {domain} și sprijinim {beneficiaries} să își găsească un loc de muncă.",
    "Oferim servicii sociale pentru {beneficiaries} și colaborăm cu primăria și școlile din {place}.",
    "Voluntarii noștri duc proiecte de {domain} în cartierele din {place}.",
]
STREETS = [
    "Calea Victoriei", "Șos. Colentina", "Calea Dudești", "Șos. Berceni", "Calea Rahovei", "Bd. Iuliu Maniu",
    "Str. Buzești", "Bd. Ferdinand I", "Bd. Camil Ressu", "Bd. Tineretului", "Str. Livezilor", "Calea Giulești",
]  # fmt: skip
# Approximate centre of each sector (latitude, longitude).
CENTRES = {
    1: (44.472, 26.070), 2: (44.450, 26.135), 3: (44.420, 26.150),
    4: (44.385, 26.110), 5: (44.400, 26.065), 6: (44.435, 26.025),
}  # fmt: skip
# Fictional CUIs start here, above the demo's (31,000,000 + up to 8,000,000, then the check digit).
FIRST_CUI_BASE = 41_000_000


class Command(BaseCommand):
    help = (
        "Top up the site to large, realistic volumes for benchmarks (news, funding calls, guides, organizations). "
        "Each option is a target total; running again never duplicates. Needs seed_demo's home page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=DEFAULTS["news"], help="news articles in total")
        parser.add_argument("--calls", type=int, default=DEFAULTS["calls"], help="funding calls in total")
        parser.add_argument("--guides", type=int, default=DEFAULTS["guides"], help="legislation guides in total")
        parser.add_argument(
            "--organizations", type=int, default=DEFAULTS["organizations"], help="organizations in total"
        )
        parser.add_argument("--seed", type=int, default=2026, help="random seed for the generated text")
        parser.add_argument(
            "--rebuild-search",
            action="store_true",
            help="rebuild the search documents even when nothing was created (they are rebuilt after every load)",
        )

    def handle(self, *args, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("There is no home page yet: run `manage.py seed_demo` first.")
        for name in DEFAULTS:
            if options[name] < 0:
                raise CommandError(f"--{name} cannot be negative.")
        self.today = timezone.localdate(timezone.now(), BUCHAREST)
        with transaction.atomic():
            self.topics = list(demo.topics().values())
            ApplicantKind.ensure_all()
            self.images = self.image_pool()
        steps = [
            ("organizations", "Organizations", Organization.objects, self.add_organizations),
            ("news", "News articles", NewsPage.objects, self.add_news),
            ("calls", "Funding calls", FundingCallPage.objects, self.add_calls),
            ("guides", "Guides", LegislationGuidePage.objects, self.add_guides),
        ]
        started = time.monotonic()
        created = 0
        # Rows are saved in bulk without their search documents, which are rebuilt once at the end.
        with search_signals.paused():
            for option, label, manager, add in steps:
                step_started = time.monotonic()
                with transaction.atomic():
                    existing = manager.count()
                    # Seeded by what exists, so that a top-up does not repeat the texts of the first run.
                    self.rng = random.Random(f"{options['seed']}:{option}:{existing}")
                    missing = max(options[option] - existing, 0)
                    if missing:
                        add(home, missing)
                        created += missing
                    total = manager.count()
                self.stdout.write(
                    f"{label}: {existing} before, {missing} created, {total} now "
                    f"({time.monotonic() - step_started:.1f} s)"
                )
        step_started = time.monotonic()
        if created or options["rebuild_search"]:
            documents = sum(documents_rebuild().values())
            self.stdout.write(f"Search documents: {documents} ({time.monotonic() - step_started:.1f} s)")
        else:
            self.stdout.write("Search documents: nothing new (--rebuild-search rebuilds them anyway).")
        if created and connection.vendor == "postgresql":
            # Fresh statistics: with the row counts of before the load, the planner joins the search's tables badly.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Scale data ready in {time.monotonic() - started:.1f} s."))

    # Shared pieces

    def image_pool(self):
        """A dozen generated pictures that the generated pages share (drawn once, reused on later runs)."""
        return [demo.generated_image(f"Ilustrație {number}", seed=number) for number in range(1, 13)]

    def pick(self, values, low=1, high=3):
        return self.rng.sample(values, self.rng.randint(low, min(high, len(values))))

    def sentences(self, count):
        """`count` different sentences, filled in with actors, places and domains."""
        return " ".join(
            template.format(
                actor=self.rng.choice(ACTORS),
                beneficiaries=self.rng.choice(BENEFICIARIES),
                place=self.rng.choice(PLACES),
                number=self.rng.choice(NUMBERS).lower(),
                group=self.rng.choice(GROUPS),
                result=self.rng.choice(RESULTS),
                domain=self.rng.choice(DOMAINS),
            )
            for template in self.rng.sample(SENTENCES, count)
        )

    def body(self):
        blocks = []
        for heading in self.rng.sample(HEADINGS, self.rng.randint(1, 3)):
            blocks.append(demo.heading(heading))
            blocks += demo.paragraph(self.sentences(3), self.sentences(2))
        return blocks

    def at(self, day, hour=9):
        return datetime.combine(day, clock(hour, 0), tzinfo=BUCHAREST)

    def append_children(self, parent, pages):
        """Save `pages` as live children of `parent`, with treebeard paths computed here (Wagtail's `add_child`
        queries the last child and updates the parent for every page); the parent's `numchild` is updated once."""
        parent = Page.objects.get(pk=parent.pk)
        last = parent.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        taken = set(parent.get_children().values_list("slug", flat=True))
        with deferred_search_index(type(pages[0]), pages):
            for page in pages:
                position += 1
                page.slug = unique(slugify(page.title)[:80].strip("-"), taken)
                page.depth = parent.depth + 1
                page.path = Page._get_path(parent.path, page.depth, position)
                page.numchild = 0
                page.locale_id = parent.locale_id
                page.live = True
                page.has_unpublished_changes = False
                page.last_published_at = page.first_published_at
                page._cached_parent_obj = parent
                page.save()  # validated (full_clean), logged, its topics and child objects saved
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    # Families

    def add_news(self, home, count):
        index = section(home, NewsIndexPage, slug="stiri", title="Știri")
        tags = [Tag.objects.filter(name=name).first() or Tag.objects.create(name=name) for name in TAGS]
        pages = []
        for _ in range(count):
            place = self.rng.choice(PLACES)
            title = self.rng.choice(
                [
                    f"{self.rng.choice(ACTORS)} {self.rng.choice(ACTIONS)} {self.rng.choice(SERVICES)} "
                    f"pentru {self.rng.choice(BENEFICIARIES)} din {place}",
                    f"{self.rng.choice(NUMBERS)} {self.rng.choice(GROUPS)} {self.rng.choice(RESULTS)} "
                    f"proiecte de {self.rng.choice(DOMAINS)} în {place}",
                    f"Consultare publică despre {self.rng.choice(DOMAINS)} în {place}",
                    f"{place}: {self.rng.choice(SERVICES)} pentru {self.rng.choice(BENEFICIARIES)}",
                ]
            )
            day = self.today - timedelta(days=self.rng.randrange(5 * 365))
            source_name, source_url = self.rng.choice(SOURCES)
            pages.append(
                NewsPage(
                    title=title,
                    intro=self.sentences(2),
                    body=self.body(),
                    date=day,
                    first_published_at=self.at(day),
                    author=self.rng.choice(AUTHORS),
                    source_name=source_name,
                    source_url=source_url,
                    view_count=self.rng.randrange(2000),
                    listing_image=self.rng.choice(self.images) if self.rng.random() < 0.8 else None,
                    topics=self.pick(self.topics),
                    tagged_items=[NewsPageTag(tag=tag) for tag in self.pick(tags, 0, 3)],
                )
            )
        self.append_children(index, pages)

    def add_calls(self, home, count):
        index = section(home, FundingIndexPage, slug="finantari", title="Finanțări")
        kinds = list(ApplicantKind.objects.all())
        funders = {org.name: org for org in Organization.objects.live().filter(name__in=FUNDERS)}
        pages = []
        for _ in range(count):
            funder = self.rng.choice(FUNDERS)
            domain = self.rng.choice(DOMAINS)
            opens_on = self.today + timedelta(days=self.rng.randint(-400, 60))
            deadline = self.at(opens_on + timedelta(days=self.rng.randint(7, 120)), hour=16)
            low = Decimal(self.rng.choice([5, 10, 20, 50, 100, 200]) * 1000)
            pages.append(
                FundingCallPage(
                    title=f"{self.rng.choice(GRANT_KINDS)} pentru {domain} – sesiunea {opens_on.year}",
                    intro=(
                        f"Finanțare pentru proiecte de {domain} care sprijină {self.rng.choice(BENEFICIARIES)} "
                        f"din {self.rng.choice(PLACES)}. {self.sentences(1)}"
                    ),
                    body=self.body(),
                    first_published_at=self.at(opens_on - timedelta(days=self.rng.randint(1, 30))),
                    funder_organization=funders.get(funder),
                    funder="" if funder in funders else funder,
                    programme=self.rng.choice(PROGRAMMES),
                    amount_min=low,
                    amount_max=low * self.rng.choice([2, 3, 5, 10]),
                    currency=self.rng.choice(["RON", "RON", "RON", "EUR"]),
                    cofinancing_percent=Decimal(self.rng.choice([0, 2, 5, 10, 15])) or None,
                    opens_on=opens_on,
                    deadline=deadline,
                    official_url=f"https://www.example.org/finantari/{opens_on.year}/{self.rng.randrange(10**6)}",
                    listing_image=self.rng.choice(self.images) if self.rng.random() < 0.3 else None,
                    applicant_kinds=self.pick(kinds),
                    topics=self.pick(self.topics),
                )
            )
        self.append_children(index, pages)

    def add_guides(self, home, count):
        index = section(home, GuideIndexPage, slug="ghiduri", title="Ghiduri și legislație")
        pages = []
        for _ in range(count):
            subject = self.rng.choice(GUIDE_SUBJECTS)
            audience, audience_subject = self.rng.choice(GUIDE_AUDIENCES)
            acts = self.pick(ACTS, 1, 3)
            first = f"{CITED_AS[acts[0][0]]} nr. {acts[0][1]}/{acts[0][2]}"
            published = self.today - timedelta(days=self.rng.randrange(3 * 365))
            pages.append(
                LegislationGuidePage(
                    title=f"{subject} pentru {audience}: {self.rng.choice(GUIDE_FORMATS)}",
                    intro=(
                        f"{subject}: ce trebuie să știe {audience_subject} din București. Actul de referință: {first}."
                    ),
                    body=self.body(),
                    first_published_at=self.at(published),
                    last_reviewed=published + timedelta(days=self.rng.randrange((self.today - published).days + 1)),
                    topics=self.pick(self.topics),
                    legal_acts=[
                        LegalAct(sort_order=position, kind=kind, number=number, year=year, title=title)
                        for position, (kind, number, year, title) in enumerate(acts)
                    ],
                    faq_items=[
                        GuideQuestion(
                            sort_order=position, question=question.format(act=first), answer=f"<p>{answer}</p>"
                        )
                        for position, (question, answer) in enumerate(self.pick(QUESTIONS, 2, 5))
                    ],
                )
            )
        self.append_children(index, pages)

    def add_organizations(self, home, count):
        """Bulk-created, published organizations (the listing reads the row: no revision is needed)."""
        sectors = list(Sector.objects.all())
        taken_names = set(Organization.objects.values_list("name", flat=True))
        taken_slugs = set(Organization.objects.values_list("slug", flat=True))
        taken_cuis = set(Organization.objects.exclude(cui=None).values_list("cui", flat=True))
        cuis = fictional_cuis(taken_cuis)
        weights = [weight for *_, weight in ORGANIZATION_KINDS]
        now = timezone.now()
        organizations, topic_rows, sector_rows = [], [], []
        for _ in range(count):
            kind, prefixes, _weight = self.rng.choices(ORGANIZATION_KINDS, weights)[0]
            name = self.organization_name(prefixes, taken_names)
            slug = unique(slugify(name)[:240].strip("-"), taken_slugs)
            chosen_sectors = self.pick(sectors, 1, 2)
            number = next((int(s.slug.rsplit("-", 1)[1]) for s in chosen_sectors if s.slug[-1].isdigit()), 3)
            latitude, longitude = CENTRES[number]
            cui = next(cuis)
            host = f"{slug[:50].strip('-')}.example.org"
            description = self.rng.choice(DESCRIPTIONS).format(
                beneficiaries=self.rng.choice(BENEFICIARIES),
                place=f"Sectorul {number}",
                domain=self.rng.choice(DOMAINS),
            )
            published = now - timedelta(days=self.rng.randrange(4 * 365), minutes=self.rng.randrange(1440))
            seeking = self.rng.random() < 0.3
            organization = Organization(
                name=name,
                slug=slug,
                kind=kind,
                cui=cui,
                founding_year=self.rng.randint(1990, self.today.year),
                description=description,
                address=f"{self.rng.choice(STREETS)} nr. {self.rng.randint(1, 200)}, Sector {number}",
                postal_code=f"0{number}{self.rng.randrange(10000):04d}",
                latitude=Decimal(f"{latitude + self.rng.uniform(-0.012, 0.012):.6f}"),
                longitude=Decimal(f"{longitude + self.rng.uniform(-0.015, 0.015):.6f}"),
                website=f"https://{host}/",
                email=f"contact@{host}",
                phone=f"+40 21 {self.rng.randint(200, 799)} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}",
                logo=self.rng.choice(self.images) if self.rng.random() < 0.4 else None,
                social_service_provider=self.rng.random() < 0.25,
                social_enterprise_certified=kind == Organization.Kind.SOCIAL_ENTERPRISE,
                social_enterprise_certificate=(
                    f"IS-{self.rng.randrange(10000):04d}" if kind == Organization.Kind.SOCIAL_ENTERPRISE else ""
                ),
                seeking_partners=seeking,
                partnership_text=f"Parteneri pentru proiecte de {self.rng.choice(DOMAINS)}." if seeking else "",
                verified=self.rng.random() < 0.5,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                # What Organization.save() derives, since bulk_create does not call it.
                sort_name=fold(name)[:255],
                search_text=fold(" ".join([name, cui, description])),
            )
            # Field validation (CUI check digit, postal code, coordinates, URLs); uniqueness is ensured above.
            organization.full_clean(validate_unique=False, validate_constraints=False)
            organizations.append(organization)
            topic_rows.append(self.pick(self.topics, 1, 4))
            sector_rows.append(chosen_sectors)
        Organization.objects.bulk_create(organizations, batch_size=BATCH_SIZE)
        Topics, Sectors = Organization.topics.through, Organization.sectors.through
        Topics.objects.bulk_create(
            [
                Topics(organization=organization, topic=topic)
                for organization, topics in zip(organizations, topic_rows, strict=True)
                for topic in topics
            ],
            batch_size=BATCH_SIZE * 4,
        )
        Sectors.objects.bulk_create(
            [
                Sectors(organization=organization, sector=sector)
                for organization, chosen in zip(organizations, sector_rows, strict=True)
                for sector in chosen
            ],
            batch_size=BATCH_SIZE * 4,
        )
        # bulk_create sends no post_save signal.
        index_for_search(Organization, organizations)

    def organization_name(self, prefixes, taken):
        for _ in range(50):
            name = f"{self.rng.choice(prefixes)} {self.rng.choice(NAME_CORES)} {self.rng.choice(NEIGHBOURHOODS)}"
            if name not in taken:
                taken.add(name)
                return name
        # Nearly every combination of this kind is taken (tens of thousands of organizations): number it.
        return unique(name, taken, separator=" ")


@contextmanager
def deferred_search_index(model, objects):
    """Save `objects` with Wagtail's search index updated in batches at the end, not once per save."""
    config = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    with override_settings(
        WAGTAILSEARCH_BACKENDS={name: {**backend, "AUTO_UPDATE": False} for name, backend in config.items()}
    ):
        yield
    index_for_search(model, objects)


def index_for_search(model, objects):
    """Add `objects` to the search backends that update automatically, BATCH_SIZE at a time."""
    related = [field.field_name for field in model.get_search_fields() if isinstance(field, index.RelatedFields)]
    pks = [obj.pk for obj in objects]
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pks), BATCH_SIZE):
            batch = model.objects.filter(pk__in=pks[start : start + BATCH_SIZE]).prefetch_related(*related)
            backend.add_bulk(model, list(batch))


def section(home, model, *, slug, title):
    """seed_demo's section index under the home page (created, bare, when the tree has none)."""
    existing = model.objects.child_of(home).first()
    return existing or demo.child_page(home, model, slug=slug, title=title, show_in_menus=True)


def unique(value, taken, separator="-"):
    """`value`, or `value-2`, `value-3`, … : the first one not in `taken` (which it joins)."""
    candidate, number = value, 2
    while candidate in taken:
        candidate, number = f"{value}{separator}{number}", number + 1
    taken.add(candidate)
    return candidate


def fictional_cuis(taken):
    """Well-formed fiscal codes (valid check digit) that no organization uses yet."""
    base = FIRST_CUI_BASE
    while True:
        cui = f"{base}{cui_check_digit(str(base))}"
        base += 1
        if cui not in taken:
            yield cui
