"""Demo guides for `seed_demo`: the laws an NGO in Bucharest meets first, explained, with questions and answers."""

from datetime import timedelta

from django.utils import timezone

from website import demo

from .models import ActKind, GuideIndexPage, GuideQuestion, LegalAct, LegislationGuidePage

JUST = "https://legislatie.just.ro/Public/DetaliiDocument/"


def seed(*, home, topics):
    today = timezone.localdate()
    index = demo.child_page(
        home,
        GuideIndexPage,
        slug="ghiduri",
        title="Ghiduri și legislație",
        show_in_menus=True,
        intro=(
            "Legile care contează pentru organizațiile neguvernamentale, întreprinderile sociale și autoritățile "
            "locale, explicate pe înțeles, cu întrebările care apar cel mai des."
        ),
        body=demo.paragraph(
            "Ghidurile au scop informativ și nu țin locul unei consultanțe juridice. Verificați întotdeauna "
            "forma actualizată a actelor normative pe portalul legislativ al Ministerului Justiției."
        ),
        topics=[topics["legislatie"]],
    )
    for guide in GUIDES:
        guide = dict(guide)
        demo.child_page(
            index,
            LegislationGuidePage,
            legal_acts=[LegalAct(sort_order=position, **act) for position, act in enumerate(guide.pop("acts"))],
            faq_items=[
                GuideQuestion(sort_order=position, question=question, answer=f"<p>{answer}</p>")
                for position, (question, answer) in enumerate(guide.pop("faq"))
            ],
            last_reviewed=today - timedelta(days=guide.pop("reviewed_days_ago")),
            topics=[topics[slug] for slug in guide.pop("topics")],
            **guide,
        )
    return []


GUIDES = [
    {
        "slug": "legea-219-2015-economia-sociala",
        "title": "Economia socială: Legea nr. 219/2015 pe înțelesul tuturor",
        "intro": (
            "Ce este o întreprindere socială, cine poate obține atestatul, ce înseamnă o întreprindere socială de "
            "inserție și ce obligații vin odată cu statutul."
        ),
        "reviewed_days_ago": 20,
        "topics": ["economie-sociala", "legislatie", "ocupare"],
        "acts": [
            {
                "kind": ActKind.LAW,
                "number": "219",
                "year": 2015,
                "title": "privind economia socială",
                "url": JUST + "170962",
            },
            {
                "kind": ActKind.GOVERNMENT_DECISION,
                "number": "585",
                "year": 2016,
                "title": "pentru aprobarea Normelor metodologice de aplicare a Legii nr. 219/2015",
            },
        ],
        "body": [
            demo.heading("Ce este economia socială"),
            *demo.paragraph(
                "Legea definește economia socială ca ansamblul activităților private cu caracter economic și social "
                "care servesc interesul general sau al unei comunități, în special prin creșterea incluziunii "
                "sociale. Nu este o formă juridică nouă: o asociație, o fundație sau o cooperativă își păstrează "
                "forma și primește, dacă îndeplinește condițiile, atestatul de întreprindere socială."
            ),
            demo.heading("Condițiile pentru atestat"),
            *demo.paragraph(
                "Organizația trebuie să aibă un scop social sau de interes general, să aloce cel puțin 90% din "
                "profit scopului social și rezervei statutare, să transmită bunurile rămase la lichidare unei alte "
                "entități de economie socială și să respecte echitatea salarială: diferența dintre cel mai mare "
                "și cel mai mic salariu nu poate depăși raportul de 1 la 8.",
                "Atestatul se eliberează de agenția pentru ocuparea forței de muncă în a cărei rază se află "
                "sediul, în București de Agenția Municipală pentru Ocuparea Forței de Muncă. Întreprinderile "
                "atestate intră în Registrul unic de evidență al întreprinderilor sociale, ținut de ANOFM.",
            ),
            demo.heading("Întreprinderea socială de inserție"),
            *demo.paragraph(
                "O întreprindere socială poate obține și certificatul de întreprindere socială de inserție dacă "
                "cel puțin 30% dintre angajați fac parte din grupul vulnerabil, iar timpul lor de lucru cumulat "
                "reprezintă cel puțin 30% din timpul total de lucru. Produsele și serviciile ei pot purta marca "
                "socială."
            ),
        ],
        "faq": [
            (
                "Ce organizații pot obține atestatul de întreprindere socială?",
                "Asociațiile și fundațiile, societățile cooperative, cooperativele de credit, casele de ajutor "
                "reciproc, federațiile și uniunile acestora, precum și societățile care îndeplinesc condițiile "
                "prevăzute de lege pentru scopul social și distribuirea profitului.",
            ),
            (
                "Își pierde o asociație statutul de ONG dacă devine întreprindere socială?",
                "Nu. Atestatul nu schimbă forma juridică: asociația rămâne asociație, funcționează în continuare "
                "după OG nr. 26/2000 și adaugă obligațiile din Legea nr. 219/2015.",
            ),
            (
                "Unde depunem cererea de atestare în București?",
                "La Agenția Municipală pentru Ocuparea Forței de Muncă București, împreună cu actul constitutiv și "
                "statutul care conțin prevederile cerute de lege (scopul social, alocarea profitului, "
                "transmiterea patrimoniului la lichidare).",
            ),
            (
                "Ce diferență este între o întreprindere socială și una de inserție?",
                "Orice întreprindere socială are un scop social. Întreprinderea socială de inserție are, în plus, "
                "ca scop integrarea profesională a persoanelor din grupul vulnerabil: cel puțin 30% dintre "
                "angajați provin din acest grup.",
            ),
            (
                "Ce avantaje aduce atestatul?",
                "Acces la apeluri de finanțare dedicate economiei sociale (de exemplu în Programul Incluziune și "
                "Demnitate Socială), la măsurile de sprijin ale autorităților locale și la contractele de achiziție "
                "publică rezervate operatorilor economici cu scop de integrare socială.",
            ),
        ],
    },
    {
        "slug": "og-26-2000-asociatii-si-fundatii",
        "title": "Asociații și fundații: ce prevede OG nr. 26/2000",
        "intro": (
            "Cum se înființează o asociație sau o fundație, ce patrimoniu minim trebuie, unde se înregistrează în "
            "București și cum se modifică statutul."
        ),
        "reviewed_days_ago": 45,
        "topics": ["legislatie", "parteneriate"],
        "acts": [
            {
                "kind": ActKind.ORDINANCE,
                "number": "26",
                "year": 2000,
                "title": "cu privire la asociații și fundații",
                "url": JUST + "21214",
            },
            {
                "kind": ActKind.LAW,
                "number": "246",
                "year": 2005,
                "title": "pentru aprobarea Ordonanței Guvernului nr. 26/2000 cu privire la asociații și fundații",
            },
        ],
        "body": [
            demo.heading("Asociația și fundația"),
            *demo.paragraph(
                "Asociația se constituie din trei sau mai multe persoane care pun în comun, fără drept de "
                "restituire, contribuția lor materială, cunoștințele sau munca pentru activități de interes "
                "general, comunitar sau în interesul lor personal nepatrimonial.",
                "Fundația se constituie de una sau mai multe persoane care afectează un patrimoniu, în mod "
                "permanent și irevocabil, unui scop de interes general sau comunitar.",
            ),
            demo.heading("Înregistrarea"),
            *demo.paragraph(
                "Întâi se obține de la Ministerul Justiției dovada disponibilității denumirii. Cererea de înscriere "
                "se depune apoi la judecătoria în circumscripția căreia se află sediul; în București, la "
                "judecătoria sectorului. Persoana juridică ia naștere la înscrierea în Registrul asociațiilor și "
                "fundațiilor, iar datele ei trec și în Registrul național al persoanelor juridice fără scop "
                "patrimonial."
            ),
        ],
        "faq": [
            (
                "De câți membri fondatori este nevoie pentru o asociație?",
                "De cel puțin trei persoane, fizice sau juridice.",
            ),
            (
                "Ce patrimoniu inițial minim se cere?",
                "Pentru o asociație, cel puțin valoarea unui salariu minim brut pe economie. Pentru o fundație, "
                "cel puțin de 100 de ori salariul minim brut pe economie (o fundație care are ca unic scop "
                "strângerea de fonduri pentru alte organizații poate avea un patrimoniu inițial mai mic).",
            ),
            (
                "La ce instanță depunem dosarul de înscriere în București?",
                "La judecătoria sectorului în care se află sediul organizației, de exemplu la Judecătoria "
                "Sectorului 3 pentru un sediu din Sectorul 3.",
            ),
            (
                "Cum modificăm statutul sau componența consiliului director?",
                "Adunarea generală adoptă hotărârea, iar modificarea se înscrie în Registrul asociațiilor și "
                "fundațiilor, la cererea organizației, la judecătoria unde aceasta este înregistrată.",
            ),
            (
                "Ce înseamnă statutul de utilitate publică?",
                "Este o recunoaștere acordată prin hotărâre a Guvernului asociațiilor și fundațiilor care "
                "desfășoară de cel puțin trei ani activități în interes general sau comunitar și îndeplinesc "
                "celelalte condiții din ordonanță.",
            ),
        ],
    },
    {
        "slug": "legea-52-2003-transparenta-decizionala",
        "title": "Transparența decizională: cum participăm la deciziile primăriei (Legea nr. 52/2003)",
        "intro": (
            "Ce termene are o autoritate publică pentru a consulta cetățenii și organizațiile înainte de a adopta "
            "o hotărâre și cum cere o asociație o dezbatere publică."
        ),
        "reviewed_days_ago": 10,
        "topics": ["politici-publice", "legislatie", "parteneriate"],
        "acts": [
            {
                "kind": ActKind.LAW,
                "number": "52",
                "year": 2003,
                "title": "privind transparența decizională în administrația publică",
                "url": JUST + "41571",
            },
        ],
        "body": [
            demo.heading("Consultarea proiectelor de acte normative"),
            *demo.paragraph(
                "Autoritatea publică anunță elaborarea unui proiect de act normativ cu cel puțin 30 de zile "
                "lucrătoare înainte de a-l supune avizării și adoptării. Anunțul se publică pe site-ul "
                "autorității, se afișează la sediu și se transmite celor care au cerut să fie informați.",
                "Anunțul stabilește un termen de cel puțin 10 zile în care oricine poate trimite în scris "
                "propuneri, sugestii sau opinii.",
            ),
            demo.heading("Ședințele publice"),
            *demo.paragraph(
                "Ședințele autorităților publice sunt publice și se anunță cu cel puțin trei zile înainte. "
                "Autoritatea întocmește minuta ședinței și publică anual un raport privind transparența "
                "decizională."
            ),
        ],
        "faq": [
            (
                "Cu cât timp înainte trebuie publicat un proiect de hotărâre?",
                "Cu cel puțin 30 de zile lucrătoare înainte de supunerea lui spre avizare și adoptare.",
            ),
            (
                "Cum cere o asociație o dezbatere publică?",
                "Printr-o cerere scrisă adresată autorității în perioada de consultare. Dacă dezbaterea este "
                "cerută de o asociație legal constituită sau de o altă autoritate publică, autoritatea este "
                "obligată să o organizeze și să o anunțe cu cel puțin trei zile înainte.",
            ),
            (
                "Până când pot trimite propuneri?",
                "Până la termenul din anunț, care nu poate fi mai scurt de 10 zile de la publicare. Propunerile "
                "se trimit în scris, de regulă prin e-mail sau la registratură.",
            ),
            (
                "Ce fac dacă autoritatea nu respectă legea?",
                "Puteți depune o reclamație la conducătorul autorității și vă puteți adresa instanței de "
                "contencios administrativ, potrivit Legii nr. 554/2004.",
            ),
        ],
    },
    {
        "slug": "legea-350-2005-finantari-nerambursabile",
        "title": "Finanțări nerambursabile de la autorități: Legea nr. 350/2005",
        "intro": (
            "Regulile după care primăriile și alte autorități publice acordă granturi organizațiilor "
            "neguvernamentale: principii, cofinanțare, anunțuri, evaluare și contracte."
        ),
        "reviewed_days_ago": 30,
        "topics": ["finantari", "legislatie"],
        "acts": [
            {
                "kind": ActKind.LAW,
                "number": "350",
                "year": 2005,
                "title": (
                    "privind regimul finanțărilor nerambursabile din fonduri publice alocate pentru activități "
                    "nonprofit de interes general"
                ),
                "url": JUST + "66812",
            },
        ],
        "body": [
            demo.heading("Principiile"),
            *demo.paragraph(
                "Finanțările se acordă prin selecție publică de proiecte, cu respectarea liberei concurențe, a "
                "eficienței utilizării fondurilor publice, a transparenței și a tratamentului egal. Beneficiarul "
                "contribuie cu cel puțin 10% din valoarea totală a finanțării, iar aceeași activitate nu poate fi "
                "finanțată de două ori de aceeași autoritate în același an.",
            ),
            demo.heading("Calendarul unei sesiuni"),
            *demo.paragraph(
                "Autoritatea publică programul anual de finanțare în Monitorul Oficial, Partea a VI-a, și pe "
                "site-ul propriu. Anunțul de participare apare cu cel puțin 30 de zile înainte de termenul de "
                "depunere a proiectelor. O comisie evaluează propunerile după criteriile din ghid, iar rezultatele "
                "se comunică fiecărui solicitant și se publică.",
            ),
        ],
        "faq": [
            (
                "Cât trebuie să fie contribuția proprie?",
                "Cel puțin 10% din valoarea totală a finanțării. Ghidul fiecărei sesiuni precizează dacă "
                "contribuția poate fi și în natură (de exemplu munca voluntarilor sau spațiul).",
            ),
            (
                "Pot primi două granturi pentru aceeași activitate?",
                "Nu de la aceeași autoritate, în același an calendaristic. Puteți însă combina surse diferite "
                "pentru activități diferite ale aceluiași proiect, dacă ghidurile o permit.",
            ),
            (
                "Unde aflu ce programe de finanțare are Primăria Capitalei?",
                "În programul anual publicat în Monitorul Oficial, Partea a VI-a, pe site-ul primăriei și în "
                "secțiunea Finanțări a acestei platforme.",
            ),
            (
                "Pot contesta rezultatul evaluării?",
                "Da. Ghidul sesiunii stabilește termenul și procedura de contestare la autoritatea finanțatoare; "
                "după soluționarea contestației, vă puteți adresa instanței de contencios administrativ.",
            ),
        ],
    },
    {
        "slug": "legea-544-2001-acces-la-informatii-publice",
        "title": "Cum cerem informații de interes public (Legea nr. 544/2001)",
        "intro": (
            "Orice persoană poate cere unei autorități publice informații despre activitatea ei: bugete, "
            "contracte, hotărâri, rapoarte. Iată termenele și ce faceți dacă nu primiți răspuns."
        ),
        "reviewed_days_ago": 60,
        "topics": ["legislatie", "politici-publice"],
        "acts": [
            {
                "kind": ActKind.LAW,
                "number": "544",
                "year": 2001,
                "title": "privind liberul acces la informațiile de interes public",
                "url": JUST + "31413",
            },
            {
                "kind": ActKind.GOVERNMENT_DECISION,
                "number": "123",
                "year": 2002,
                "title": "pentru aprobarea Normelor metodologice de aplicare a Legii nr. 544/2001",
            },
        ],
        "body": [
            demo.heading("Ce este o informație de interes public"),
            *demo.paragraph(
                "Orice informație care privește activitățile unei autorități sau instituții publice ori rezultă "
                "din ele, indiferent de suport. Unele informații se publică din oficiu (organizarea, bugetul, "
                "programele, datele de contact), altele se comunică la cerere.",
            ),
            demo.heading("Termenele"),
            *demo.paragraph(
                "Autoritatea răspunde în scris în 10 zile sau, pentru cereri complexe, în cel mult 30 de zile, "
                "cu condiția să vă anunțe prelungirea în primele 10 zile. Refuzul se motivează și se comunică în "
                "5 zile de la primirea cererii.",
            ),
        ],
        "faq": [
            (
                "Trebuie să explic de ce vreau informația?",
                "Nu. Legea nu cere motivarea solicitării; este suficient să descrieți clar informația cerută și să "
                "indicați adresa la care doriți răspunsul.",
            ),
            (
                "În cât timp primesc răspunsul?",
                "În 10 zile, sau în cel mult 30 de zile dacă cererea este complexă și autoritatea v-a anunțat "
                "prelungirea în primele 10 zile.",
            ),
            (
                "Ce fac dacă nu primesc răspuns sau primesc un refuz?",
                "Depuneți o reclamație administrativă la conducătorul autorității în 30 de zile de la refuz sau "
                "de la expirarea termenului. Puteți de asemenea să vă adresați tribunalului, în secția de "
                "contencios administrativ.",
            ),
            (
                "Pot cere contractele de finanțare ale primăriei cu ONG-urile?",
                "Da. Informațiile despre folosirea banilor publici, inclusiv contractele de finanțare "
                "nerambursabilă, sunt de interes public. Datele cu caracter personal din documente se pot "
                "anonimiza.",
            ),
            (
                "Costă ceva?",
                "Accesul este gratuit. Autoritatea poate cere doar costul copiilor, dacă solicitați documente pe "
                "hârtie.",
            ),
        ],
    },
]
