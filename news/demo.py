"""Demo news for `seed_demo`: the "Știri" section and about twenty articles from recent months."""

import datetime
from pathlib import Path

from django.utils import timezone
from taggit.models import Tag

from website import demo

from .models import NewsIndexPage, NewsPage, NewsPageTag

# The platform's own launch announcement, as data.
LAUNCH_ARTICLE = Path(__file__).resolve().parent / "demo_data" / "launch.json"

# (slug, days ago, title, intro, paragraphs, topic slugs, tags, author, (source name, source URL), views)
ARTICLES = [
    (
        "registrul-intreprinderilor-sociale-bucuresti",
        3,
        "Peste 300 de întreprinderi sociale atestate în București",
        "Registrul unic de evidență al întreprinderilor sociale arată că Bucureștiul rămâne orașul cu cele "
        "mai multe entități atestate conform Legii 219/2015.",
        [
            "Datele publicate de Agenția Județeană pentru Ocuparea Forței de Muncă a Municipiului București "
            "(AJOFM) arată o creștere constantă a numărului de întreprinderi sociale atestate în ultimii doi ani.",
            "Cele mai multe activează în servicii de curățenie, reciclare, croitorie, catering și servicii "
            "sociale. Aproape jumătate sunt înființate de asociații și fundații care își extind activitatea "
            "economică pentru a-și finanța misiunea.",
            "Atestatul de întreprindere socială se obține gratuit, pe baza unei cereri depuse la AJOFM, și "
            "este valabil cinci ani.",
        ],
        ["economie-sociala", "legislatie"],
        ["Legea 219/2015", "întreprinderi sociale", "AJOFM"],
        "Redacția",
        ("AJOFM București", "https://www.anofm.ro/"),
        412,
    ),
    (
        "sectorul-3-centru-comunitar-dristor",
        9,
        "Primăria Sectorului 3 deschide un centru comunitar în cartierul Dristor",
        "Centrul oferă consiliere socială, cursuri de calificare și un spațiu de lucru pentru "
        "organizațiile neguvernamentale din sector.",
        [
            "Primăria Sectorului 3 a inaugurat un centru comunitar integrat, administrat împreună cu "
            "Direcția Generală de Asistență Socială și Protecția Copilului Sector 3.",
            "Organizațiile neguvernamentale pot rezerva gratuit sala de întâlniri pentru activități cu "
            "beneficiarii, pe baza unui calendar publicat lunar.",
        ],
        ["incluziune-sociala", "parteneriate"],
        ["Sectorul 3", "centre comunitare", "ONG"],
        "Andreea Ionescu",
        ("Primăria Sectorului 3", "https://www.primarie3.ro/"),
        238,
    ),
    (
        "pmb-consultare-strategie-incluziune",
        14,
        "Primăria Municipiului București supune consultării strategia de incluziune socială",
        "Proiectul strategiei pentru perioada 2027–2030 poate primi propuneri timp de 30 de zile, conform "
        "Legii 52/2003 privind transparența decizională.",
        [
            "Primăria Municipiului București a publicat proiectul strategiei locale de incluziune socială, "
            "care stabilește prioritățile pentru locuire, ocupare și servicii sociale.",
            "Organizațiile și cetățenii pot trimite observații în scris. Dezbaterea publică va avea loc la "
            "sediul primăriei și va fi transmisă online.",
        ],
        ["politici-publice", "incluziune-sociala"],
        ["consultare publică", "PMB", "Legea 52/2003"],
        "Redacția",
        ("Primăria Municipiului București", "https://www.pmb.ro/"),
        521,
    ),
    (
        "apel-pids-economie-sociala",
        20,
        "Apel de proiecte pentru economia socială prin Programul Incluziune și Demnitate Socială",
        "Întreprinderile sociale de inserție și organizațiile care vor să înființeze una pot solicita "
        "finanțare nerambursabilă pentru locuri de muncă destinate persoanelor vulnerabile.",
        [
            "Ghidul solicitantului a fost publicat în consultare, iar depunerea proiectelor este estimată "
            "pentru începutul anului viitor.",
            "Sunt eligibile cheltuielile cu salariile persoanelor din grupuri vulnerabile, echipamentele și "
            "consultanța pentru dezvoltarea afacerii sociale.",
        ],
        ["finantari", "economie-sociala"],
        ["PIDS", "întreprinderi sociale", "fonduri europene"],
        "Mihai Stan",
        ("Ministerul Investițiilor și Proiectelor Europene", "https://mfe.gov.ro/"),
        687,
    ),
    (
        "atelier-reparatii-biciclete-sector-6",
        26,
        "Un atelier de reparații de biciclete angajează tineri care au părăsit sistemul de protecție",
        "Întreprinderea socială din Sectorul 6 a format deja 12 mecanici și vrea să deschidă un al doilea "
        "punct de lucru.",
        [
            "Atelierul primește biciclete donate, le repară și le vinde la prețuri accesibile. Profitul "
            "este reinvestit în formarea tinerilor.",
            "Inițiativa a pornit dintr-un parteneriat între o asociație locală și DGASPC Sector 6.",
        ],
        ["tineret", "ocupare", "economie-circulara"],
        ["întreprinderi sociale", "reutilizare", "Sectorul 6"],
        "Ioana Dumitrescu",
        ("", ""),
        154,
    ),
    (
        "colectare-textile-sector-2",
        33,
        "Containere pentru colectarea textilelor în Sectorul 2",
        "Hainele colectate sunt sortate de o întreprindere socială de inserție; cele purtabile ajung la "
        "familii aflate în dificultate.",
        [
            "Primăria Sectorului 2 a amplasat 40 de containere lângă blocuri și școli. Colectarea este "
            "asigurată de o întreprindere socială care angajează persoane cu dizabilități.",
            "Textilele care nu mai pot fi purtate sunt transformate în materiale izolante.",
        ],
        ["economie-circulara", "mediu"],
        ["reciclare", "textile", "Sectorul 2"],
        "Redacția",
        ("Primăria Sectorului 2", "https://www.ps2.ro/"),
        309,
    ),
    (
        "ghid-infiintare-asociatie",
        40,
        "Ghid practic: cum înființezi o asociație conform OG 26/2000",
        "Pașii, actele necesare și costurile pentru înregistrarea unei asociații la judecătorie și în "
        "Registrul național ONG.",
        [
            "Sunt necesari cel puțin trei membri fondatori, un patrimoniu inițial, un sediu și dovada "
            "disponibilității denumirii, eliberată de Ministerul Justiției.",
            "După obținerea personalității juridice, asociația se înregistrează fiscal și poate primi "
            "direcționarea a 3,5% din impozitul pe venit.",
        ],
        ["legislatie", "parteneriate"],
        ["OG 26/2000", "ONG", "ghid"],
        "Elena Popa",
        ("", ""),
        902,
    ),
    (
        "locuinte-sociale-sector-5",
        47,
        "Locuințe sociale noi în Sectorul 5: lista de priorități, publicată",
        "Familiile care au depus dosare pot verifica punctajul obținut și pot face contestație în 15 zile.",
        [
            "Primăria Sectorului 5 a publicat lista de priorități pentru repartizarea a 120 de locuințe "
            "sociale, realizate prin reabilitarea unor clădiri nefolosite.",
            "Organizațiile care sprijină persoanele fără adăpost oferă consiliere gratuită pentru "
            "întocmirea contestațiilor.",
        ],
        ["locuire", "incluziune-sociala"],
        ["locuințe sociale", "Sectorul 5"],
        "Andreea Ionescu",
        ("Primăria Sectorului 5", "https://www.sector5.ro/"),
        276,
    ),
    (
        "bursa-locurilor-de-munca-persoane-dizabilitati",
        54,
        "Bursa locurilor de muncă pentru persoanele cu dizabilități, la a cincea ediție",
        "Peste 40 de angajatori și unități protejate autorizate au oferit locuri de muncă adaptate.",
        [
            "Evenimentul a fost organizat de AJOFM București împreună cu federații ale organizațiilor "
            "persoanelor cu dizabilități.",
            "Participanții au primit informații despre subvențiile pentru angajatori și despre adaptarea "
            "rezonabilă a locului de muncă.",
        ],
        ["persoane-cu-dizabilitati", "ocupare"],
        ["AJOFM", "unități protejate", "locuri de muncă"],
        "Mihai Stan",
        ("AJOFM București", "https://www.anofm.ro/"),
        198,
    ),
    (
        "gradini-comunitare-sector-4",
        61,
        "Grădini comunitare pe terenuri nefolosite din Sectorul 4",
        "Locuitorii și două asociații de mediu transformă trei terenuri virane în grădini administrate împreună.",
        [
            "Terenurile au fost puse la dispoziție de primărie prin contracte de comodat pe cinci ani.",
            "Fiecare grădină are un comitet de voluntari, iar o parte din legume ajunge la cantinele sociale "
            "din zonă.",
        ],
        ["mediu", "parteneriate"],
        ["grădini comunitare", "voluntariat", "Sectorul 4"],
        "Ioana Dumitrescu",
        ("", ""),
        131,
    ),
    (
        "varstnici-centre-de-zi-sector-1",
        68,
        "Centrele de zi pentru vârstnici din Sectorul 1 își prelungesc programul",
        "Două centre vor fi deschise și sâmbăta, cu activități organizate de voluntari.",
        [
            "Decizia vine după o consultare cu beneficiarii, care au cerut mai multe activități în weekend.",
            "Organizațiile care vor să propună ateliere pentru vârstnici se pot înscrie la direcția de "
            "asistență socială a sectorului.",
        ],
        ["varstnici", "sanatate"],
        ["centre de zi", "voluntariat", "Sectorul 1"],
        "Elena Popa",
        ("Primăria Sectorului 1", "https://www.primariasector1.ro/"),
        87,
    ),
    (
        "educatie-non-formala-scoli-sector-3",
        75,
        "Educație non-formală în 20 de școli din Sectorul 3",
        "Un program derulat de organizații neguvernamentale aduce ateliere de educație financiară și "
        "civică în orele de după-amiază.",
        [
            "Programul este finanțat prin granturi locale acordate conform Legii 350/2005 privind regimul "
            "finanțărilor nerambursabile.",
            "Elevii au participat la simulări de bugetare participativă și au vizitat o întreprindere socială.",
        ],
        ["educatie", "tineret"],
        ["Legea 350/2005", "școli", "Sectorul 3"],
        "Redacția",
        ("", ""),
        164,
    ),
    (
        "transparenta-decizionala-raport-ong",
        82,
        "Raport: cât de transparente sunt primăriile de sector",
        "O coaliție de organizații a analizat modul în care primăriile aplică Legea 52/2003 și Legea 544/2001.",
        [
            "Raportul arată că majoritatea proiectelor de hotărâre sunt publicate la timp, dar dezbaterile "
            "publice sunt rare și anunțate cu puține zile înainte.",
            "Autorii recomandă publicarea tuturor documentelor într-un format deschis și un calendar unic al "
            "consultărilor.",
        ],
        ["politici-publice", "legislatie"],
        ["transparență", "Legea 52/2003", "Legea 544/2001"],
        "Andrei Marinescu",
        ("", ""),
        455,
    ),
    (
        "cantina-sociala-catering-insertie",
        89,
        "O cantină socială devine întreprindere de inserție și livrează catering",
        "Asociația care administra cantina a obținut marca socială și angajează persoane care au trecut "
        "prin șomaj de lungă durată.",
        [
            "Veniturile din catering acoperă acum o treime din costurile meselor calde oferite gratuit.",
            "Pentru a obține marca socială, cel puțin 30% dintre angajați trebuie să facă parte din grupuri "
            "vulnerabile, potrivit Legii 219/2015.",
        ],
        ["economie-sociala", "ocupare"],
        ["marca socială", "Legea 219/2015", "întreprinderi sociale"],
        "Mihai Stan",
        ("", ""),
        221,
    ),
    (
        "buget-participativ-bucuresti-rezultate",
        97,
        "Bugetarea participativă: proiectele câștigătoare din acest an",
        "Bucureștenii au votat 25 de proiecte pentru spații verzi, mobilitate și servicii sociale.",
        [
            "Primăria Municipiului București va implementa proiectele în următoarele 18 luni.",
            "Mai multe proiecte au fost propuse de organizații neguvernamentale, în parteneriat cu "
            "asociațiile de proprietari.",
        ],
        ["politici-publice", "mediu"],
        ["buget participativ", "PMB"],
        "Redacția",
        ("Primăria Municipiului București", "https://www.pmb.ro/"),
        367,
    ),
    (
        "sanatate-mintala-tineri-program",
        104,
        "Consiliere psihologică gratuită pentru tineri, oferită de un consorțiu de ONG-uri",
        "Tinerii între 14 și 25 de ani pot cere sprijin online sau în trei centre din Capitală.",
        [
            "Serviciul este acreditat și funcționează în parteneriat cu direcțiile de asistență socială.",
            "Organizatorii caută psihologi voluntari pentru intervalele de seară.",
        ],
        ["sanatate", "tineret"],
        ["sănătate mintală", "voluntariat"],
        "Ioana Dumitrescu",
        ("", ""),
        143,
    ),
    (
        "cultura-accesibila-muzee",
        112,
        "Muzee mai accesibile pentru persoanele cu deficiențe de vedere",
        "Patru muzee din București au introdus tururi ghidate tactile, realizate cu o asociație de profil.",
        [
            "Tururile sunt gratuite și se programează cu o săptămână înainte.",
            "Proiectul a fost finanțat de Administrația Fondului Cultural Național.",
        ],
        ["cultura", "persoane-cu-dizabilitati"],
        ["accesibilitate", "muzee"],
        "Elena Popa",
        ("", ""),
        96,
    ),
    (
        "parteneriat-dgaspc-ong-adapost",
        120,
        "Parteneriat între DGASPC Sector 3 și două ONG-uri pentru adăpostul de urgență",
        "Adăpostul pentru persoane fără locuință va funcționa tot anul, nu doar în sezonul rece.",
        [
            "Acordul de parteneriat prevede că primăria asigură clădirea și utilitățile, iar organizațiile "
            "asigură personalul de specialitate.",
            "Este primul parteneriat de acest fel încheiat pe o durată de trei ani în Sectorul 3.",
        ],
        ["parteneriate", "incluziune-sociala", "locuire"],
        ["Sectorul 3", "persoane fără adăpost", "ONG"],
        "Andreea Ionescu",
        ("Primăria Sectorului 3", "https://www.primarie3.ro/"),
        260,
    ),
    (
        "reparam-electrocasnice-atelier",
        128,
        "Repair café: bucureștenii învață să-și repare electrocasnicele",
        "O asociație de economie circulară organizează lunar ateliere gratuite de reparații.",
        [
            "Voluntarii au reparat peste 600 de obiecte în ultimul an, de la prăjitoare de pâine la laptopuri.",
            "Obiectele care nu pot fi reparate sunt predate unui centru autorizat de colectare a deșeurilor "
            "electrice.",
        ],
        ["economie-circulara", "mediu"],
        ["reutilizare", "voluntariat", "reciclare"],
        "Andrei Marinescu",
        ("", ""),
        118,
    ),
    (
        "ajofm-cursuri-calificare-gratuite",
        136,
        "AJOFM București: cursuri gratuite de calificare pentru șomeri",
        "Sunt disponibile cursuri de lucrător social, îngrijitor bătrâni la domiciliu și operator introducere date.",
        [
            "Înscrierile se fac la agențiile locale pentru ocuparea forței de muncă din fiecare sector.",
            "Absolvenții primesc certificate recunoscute la nivel național, iar întreprinderile sociale "
            "partenere oferă stagii de practică.",
        ],
        ["ocupare", "educatie"],
        ["AJOFM", "calificare", "locuri de muncă"],
        "Redacția",
        ("AJOFM București", "https://www.anofm.ro/"),
        341,
    ),
]


def tag(name):
    """The taggit tag with this name, created on the first run."""
    return Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)


def seed(*, home, topics):
    index = demo.child_page(
        home,
        NewsIndexPage,
        slug="stiri",
        title="Știri",
        show_in_menus=True,
        intro=(
            "Noutăți despre economia socială, organizațiile neguvernamentale și autoritățile publice locale "
            "din București."
        ),
        topics=[topics["economie-sociala"], topics["incluziune-sociala"]],
    )
    today = timezone.localdate()
    for number, (slug, days_ago, title, intro, paragraphs, topic_slugs, tags, author, source, views) in enumerate(
        ARTICLES
    ):
        source_name, source_url = source
        demo.child_page(
            index,
            NewsPage,
            slug=slug,
            title=title,
            intro=intro,
            body=demo.paragraph(*paragraphs),
            date=today - datetime.timedelta(days=days_ago),
            author=author,
            source_name=source_name,
            source_url=source_url,
            view_count=views,
            listing_image=demo.generated_image(title, seed=number),
            topics=[topics[topic_slug] for topic_slug in topic_slugs],
            tagged_items=[NewsPageTag(tag=tag(name)) for name in tags],
        )
    seed_launch_article(index, topics=topics, today=today)
    return []


def seed_launch_article(index, *, topics, today):
    """The launch announcement from LAUNCH_ARTICLE; a later run brings its texts up to date."""
    data = demo.load_data(LAUNCH_ARTICLE)
    texts = {
        "title": data["title"],
        "intro": data["intro"],
        "body": demo.paragraph(*data["paragraphs"]),
        "author": data["author"],
        "source_name": data["source_name"],
        "source_url": data["source_url"],
    }
    article = demo.child_page(
        index,
        NewsPage,
        slug=data["slug"],
        date=today - datetime.timedelta(days=data["days_ago"]),
        view_count=data["views"],
        listing_image=demo.generated_image(data["slug"], seed=len(ARTICLES)),
        topics=[topics[slug] for slug in data["topics"]],
        tagged_items=[NewsPageTag(tag=tag(name)) for name in data["tags"]],
        **texts,
    )
    return demo.update_page(article, **texts)
