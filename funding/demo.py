"""Demo funding calls for `seed_demo`: realistic Bucharest calls in every status, dated relative to today."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from directory.models import Organization
from website import demo

from .models import ApplicantKind, FundingCallDocument, FundingCallPage, FundingIndexPage
from .status import BUCHAREST

Kind = ApplicantKind.Code


def seed(*, home, topics):
    ApplicantKind.ensure_all()
    kinds = {kind.code: kind for kind in ApplicantKind.objects.all()}
    today = timezone.localdate(timezone.now(), BUCHAREST)

    def day(offset):
        return today + timedelta(days=offset)

    def at(offset, hour=16, minute=0):
        return datetime.combine(day(offset), time(hour, minute), tzinfo=BUCHAREST)

    index = demo.child_page(
        home,
        FundingIndexPage,
        slug="finantari",
        title="Finanțări",
        show_in_menus=True,
        intro=(
            "Apeluri de finanțare pentru organizațiile neguvernamentale, întreprinderile sociale și instituțiile "
            "publice din București: fonduri europene, granturi ale autorităților locale și ale fundațiilor."
        ),
        body=demo.paragraph(
            "Verificați întotdeauna condițiile în anunțul oficial al finanțatorului: termenele și documentele "
            "se pot schimba după publicarea apelului."
        ),
        topics=[topics["finantari"]],
    )

    for call in demo_calls(at=at, day=day):
        documents = [
            FundingCallDocument(document=demo.generated_document(title, text), sort_order=position)
            for position, (title, text) in enumerate(call.pop("documents", []))
        ]
        image_title = call.pop("image", None)
        # Funders that are in the directory (seeded before this) get linked to their profile.
        funder_organization = Organization.objects.live().filter(name=call["funder"]).first()
        demo.child_page(
            index,
            FundingCallPage,
            applicant_kinds=[kinds[code] for code in call.pop("kinds")],
            topics=[topics[slug] for slug in call.pop("topics")],
            documents=documents,
            listing_image=demo.generated_image(image_title) if image_title else None,
            funder_organization=funder_organization,
            **call,
        )
    return []


def demo_calls(*, at, day):
    """The demo calls; `at(days, hour)` is a Bucharest time `days` from today, `day(days)` a date."""
    return [
        {
            "slug": "granturi-pmb-incluziune-sociala",
            "title": "Granturi pentru proiecte de incluziune socială ale Primăriei Municipiului București",
            "intro": (
                "Finanțare nerambursabilă pentru asociații și fundații care dezvoltă servicii pentru persoane "
                "fără adăpost, vârstnici singuri și familii în risc de excluziune socială din București."
            ),
            "funder": "Primăria Municipiului București",
            "programme": "Programul anual de finanțări nerambursabile pentru activități nonprofit (Legea 350/2005)",
            "kinds": [Kind.NGO],
            "topics": ["incluziune-sociala", "finantari", "locuire"],
            "amount_min": Decimal("20000"),
            "amount_max": Decimal("150000"),
            "currency": "RON",
            "cofinancing_percent": Decimal("10"),
            "opens_on": day(-15),
            "deadline": at(25),
            "official_url": "https://www.pmb.ro/",
            "image": "Finanțări – incluziune socială",
            "body": [
                demo.heading("Ce se finanțează"),
                *demo.paragraph(
                    "Proiecte de maximum 10 luni care oferă servicii sociale de zi, consiliere, hrană caldă sau "
                    "adăpost temporar. Sunt eligibile cheltuielile cu personalul, materialele, chiria și "
                    "transportul beneficiarilor.",
                    "Conform Legii nr. 350/2005, solicitantul asigură o contribuție proprie de cel puțin 10% "
                    "din valoarea totală a proiectului, în bani sau în natură.",
                ),
                demo.heading("Cum se depune"),
                *demo.paragraph(
                    "Dosarul se depune la registratura Primăriei Municipiului București sau prin e-mail, semnat "
                    "electronic, până la termenul-limită. Rezultatele se publică pe site-ul primăriei."
                ),
            ],
            "documents": [
                (
                    "Ghidul solicitantului – incluziune socială PMB",
                    "Ghidul solicitantului: condiții de eligibilitate, cheltuieli eligibile, grila de evaluare.",
                ),
                ("Formular de buget – PMB", "Formularul de buget al proiectului (model)."),
            ],
        },
        {
            "slug": "pids-intreprinderi-sociale-de-insertie",
            "title": "PIDS – Sprijin pentru înființarea și dezvoltarea întreprinderilor sociale de inserție",
            "intro": (
                "Granturi din Fondul Social European Plus pentru întreprinderi sociale care angajează persoane din "
                "grupuri vulnerabile: tineri care părăsesc sistemul de protecție, persoane cu dizabilități, romi."
            ),
            "funder": "Ministerul Investițiilor și Proiectelor Europene",
            "programme": "Programul Incluziune și Demnitate Socială 2021-2027",
            "kinds": [Kind.SOCIAL_ENTERPRISE, Kind.NGO],
            "topics": ["economie-sociala", "ocupare", "incluziune-sociala"],
            "amount_min": Decimal("100000"),
            "amount_max": Decimal("200000"),
            "currency": "EUR",
            "cofinancing_percent": Decimal("2"),
            "opens_on": day(-40),
            "deadline": at(4),
            "official_url": "https://mfe.gov.ro/",
            "image": "Finanțări – economie socială",
            "body": [
                *demo.paragraph(
                    "Apelul sprijină întreprinderile sociale atestate conform Legii nr. 219/2015 să creeze locuri "
                    "de muncă pentru persoane din grupul vulnerabil și să își dezvolte activitatea economică.",
                    "Cererile se depun exclusiv electronic, prin sistemul MySMIS2021+.",
                )
            ],
            "documents": [
                (
                    "Ghidul solicitantului – condiții specifice PIDS",
                    "Condiții specifice: solicitanți eligibili, indicatori, grila de evaluare și selecție.",
                )
            ],
        },
        {
            "slug": "peo-antreprenoriat-social-tineri-neet",
            "title": "PEO – Antreprenoriat social pentru tineri NEET",
            "intro": (
                "Apel pentru proiecte care ajută tinerii care nu au loc de muncă și nu urmează studii să înființeze "
                "întreprinderi sociale, cu formare, mentorat și subvenții pentru afaceri."
            ),
            "funder": "Ministerul Investițiilor și Proiectelor Europene",
            "programme": "Programul Educație și Ocupare 2021-2027",
            "kinds": [Kind.NGO, Kind.SOCIAL_ENTERPRISE, Kind.SME],
            "topics": ["tineret", "ocupare", "economie-sociala"],
            "amount_min": Decimal("500000"),
            "amount_max": Decimal("1500000"),
            "currency": "EUR",
            "cofinancing_percent": Decimal("2"),
            "opens_on": day(12),
            "deadline": at(72, 12),
            "official_url": "https://mfe.gov.ro/",
            "body": demo.paragraph(
                "Ghidul solicitantului este în consultare publică. Apelul se deschide după publicarea versiunii "
                "finale; până atunci puteți pregăti parteneriatele și documentele organizației."
            ),
        },
        {
            "slug": "afm-educatie-ecologica-scoli",
            "title": "AFM – Program de educație ecologică și colectare separată în școli",
            "intro": (
                "Finanțare pentru unitățile de învățământ și autoritățile locale care amenajează puncte de colectare "
                "separată și organizează activități de educație pentru mediu."
            ),
            "funder": "Administrația Fondului pentru Mediu",
            "programme": "Programul privind educația și conștientizarea publicului privind protecția mediului",
            "kinds": [Kind.SCHOOL, Kind.LOCAL_AUTHORITY],
            "topics": ["mediu", "educatie", "economie-circulara"],
            "amount_max": Decimal("500000"),
            "currency": "RON",
            "cofinancing_percent": Decimal("0"),
            "opens_on": day(-5),
            "deadline": at(38, 17),
            "official_url": "https://www.afm.ro/",
            "image": "Finanțări – mediu",
            "body": demo.paragraph(
                "Finanțarea acoperă integral cheltuielile eligibile, fără contribuție proprie. Dosarele se "
                "evaluează în ordinea depunerii, până la epuizarea bugetului."
            ),
        },
        {
            "slug": "fundatia-comunitara-bucuresti-initiative-civice",
            "title": "Fundația Comunitară București – granturi mici pentru inițiative civice de cartier",
            "intro": (
                "Granturi de până la 20.000 de lei pentru grupuri de inițiativă și asociații mici care fac ceva bun "
                "pentru cartierul lor: grădini comunitare, ateliere pentru copii, curățenie, cultură locală."
            ),
            "funder": "Fundația Comunitară București",
            "programme": "Fondul pentru inițiative civice",
            "kinds": [Kind.NGO, Kind.INDIVIDUAL],
            "topics": ["parteneriate", "cultura", "mediu"],
            "amount_max": Decimal("20000"),
            "currency": "RON",
            "opens_on": day(-30),
            "deadline": at(0, 23, 59),
            "official_url": "https://www.fundatiacomunitarabucuresti.ro/",
            "body": demo.paragraph(
                "Pot aplica și grupuri informale de cel puțin trei persoane, cu sprijinul unei organizații "
                "partenere care gestionează banii. Formularul de aplicare se completează online."
            ),
        },
        {
            "slug": "granturi-tineret-mfamilie",
            "title": "Programul național de proiecte de tineret",
            "intro": (
                "Finanțare pentru organizațiile de tineret și pentru tineret care desfășoară activități de "
                "voluntariat, educație nonformală și participare civică."
            ),
            "funder": "Ministerul Familiei, Tineretului și Egalității de Șanse",
            "programme": "Programul național „Tineret”",
            "kinds": [Kind.NGO],
            "topics": ["tineret", "educatie"],
            "amount_min": Decimal("10000"),
            "amount_max": Decimal("50000"),
            "currency": "RON",
            "cofinancing_percent": Decimal("10"),
            "opens_on": day(-21),
            "deadline": at(1, 14),
            "official_url": "https://mfamilie.gov.ro/",
            "body": demo.paragraph(
                "Proiectele se desfășoară în cel mult șase luni și implică cel puțin 30 de tineri cu vârste "
                "între 14 și 35 de ani."
            ),
        },
        {
            "slug": "pids-servicii-integrate-comunitati-marginalizate",
            "title": "PIDS – Servicii integrate în comunitățile marginalizate din București",
            "intro": (
                "Finanțare pentru parteneriate între autorități locale și ONG-uri care oferă servicii sociale, "
                "medicale și educaționale integrate în comunitățile marginalizate."
            ),
            "funder": "Ministerul Investițiilor și Proiectelor Europene",
            "programme": "Programul Incluziune și Demnitate Socială 2021-2027",
            "kinds": [Kind.LOCAL_AUTHORITY, Kind.PUBLIC_INSTITUTION, Kind.NGO],
            "topics": ["incluziune-sociala", "sanatate", "parteneriate"],
            "amount_min": Decimal("300000"),
            "amount_max": Decimal("2500000"),
            "currency": "EUR",
            "cofinancing_percent": Decimal("2"),
            "opens_on": day(-60),
            "deadline": at(45),
            "official_url": "https://mfe.gov.ro/",
            "image": "Finanțări – parteneriate",
            "body": demo.paragraph(
                "Liderul de parteneriat poate fi o unitate administrativ-teritorială sau o direcție de asistență "
                "socială; organizațiile neguvernamentale cu experiență în domeniu pot fi parteneri."
            ),
        },
        {
            "slug": "active-citizens-fund-runda-noua",
            "title": "Active Citizens Fund – o nouă rundă de granturi pentru societatea civilă",
            "intro": (
                "Granturi pentru organizațiile neguvernamentale care promovează participarea civică, drepturile "
                "omului și grupurile vulnerabile, din Granturile SEE și Norvegiene."
            ),
            "funder": "Fundația pentru Dezvoltarea Societății Civile",
            "programme": "Granturile SEE și Norvegiene – Active Citizens Fund România",
            "kinds": [Kind.NGO],
            "topics": ["politici-publice", "incluziune-sociala", "parteneriate"],
            "amount_min": Decimal("15000"),
            "amount_max": Decimal("200000"),
            "currency": "EUR",
            "cofinancing_percent": Decimal("0"),
            "opens_on": day(40),
            "deadline": at(100, 12),
            "official_url": "https://www.activecitizensfund.ro/",
            "body": demo.paragraph(
                "Programul urmează să fie lansat; condițiile de mai jos sunt cele din runda anterioară și pot "
                "suferi modificări."
            ),
        },
        {
            "slug": "arcub-proiecte-culturale",
            "title": "Programul de finanțare a proiectelor culturale în București",
            "intro": (
                "Granturi pentru proiecte culturale care aduc arta în cartiere, în spații neconvenționale și în "
                "comunitățile care au acces redus la cultură."
            ),
            "funder": "Centrul Cultural al Municipiului București – ARCUB",
            "programme": "Program cultural anual (Legea 350/2005 și OG 51/1998)",
            "kinds": [Kind.NGO, Kind.INDIVIDUAL],
            "topics": ["cultura", "tineret"],
            "amount_min": Decimal("10000"),
            "amount_max": Decimal("80000"),
            "currency": "RON",
            "cofinancing_percent": Decimal("10"),
            "opens_on": day(-75),
            "deadline": at(-20, 16),
            "official_url": "https://www.arcub.ro/",
            "body": demo.paragraph(
                "Sesiunea s-a încheiat. Lista proiectelor selectate a fost publicată pe site-ul finanțatorului."
            ),
        },
        {
            "slug": "sector-3-servicii-sociale-legea-34-1998",
            "title": "Subvenții pentru servicii sociale acordate de asociații și fundații – Sectorul 3",
            "intro": (
                "Subvenții lunare pentru asociațiile și fundațiile care administrează centre de zi, cantine sociale "
                "și servicii de îngrijire la domiciliu în Sectorul 3."
            ),
            "funder": "Primăria Sectorului 3",
            "programme": "Subvenții acordate în baza Legii nr. 34/1998",
            "kinds": [Kind.NGO],
            "topics": ["incluziune-sociala", "varstnici", "persoane-cu-dizabilitati"],
            "amount_max": Decimal("300000"),
            "currency": "RON",
            "cofinancing_percent": Decimal("10"),
            "opens_on": day(-120),
            "deadline": at(-60, 12),
            "official_url": "https://www.primarie3.ro/",
            "body": demo.paragraph(
                "Pot primi subvenții doar furnizorii de servicii sociale acreditați, pentru servicii licențiate "
                "care funcționează în Sectorul 3."
            ),
        },
    ]
