"""Demo directory: about 60 organizations across Bucharest's six sectors and every kind.

The public authorities and institutions are real (names, addresses, websites). Primăria Municipiului
București's CUI is confirmed; the sector city halls' CUIs are as recalled and pass the check digit, but
should be confirmed before being relied on. Every other organization is fictional: plausible names,
CUIs built with a valid check digit, contact addresses on example.org. Idempotent: an organization whose
CUI (or, without a CUI, slug) exists is left as it is.
"""

import random
import zlib
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify

from website.demo import generated_image

from .models import Organization, Sector
from .validators import cui_check_digit

K = Organization.Kind

# Streets per sector, for the fictional organizations' addresses.
STREETS = {
    1: ["Calea Victoriei", "Str. Buzești", "Bd. Ion Mihalache", "Str. Polonă", "Calea Griviței"],
    2: ["Str. Vasile Lascăr", "Șos. Colentina", "Bd. Ferdinand I", "Str. Avrig", "Șos. Pantelimon"],
    3: ["Calea Dudești", "Bd. Camil Ressu", "Str. Baba Novac", "Bd. 1 Decembrie 1918", "Str. Matei Basarab"],
    4: ["Bd. Gheorghe Șincai", "Șos. Berceni", "Str. Luica", "Bd. Tineretului", "Calea Văcărești"],
    5: ["Calea Rahovei", "Str. Livezilor", "Șos. Sălaj", "Calea 13 Septembrie", "Str. Ion Creangă"],
    6: ["Bd. Iuliu Maniu", "Str. Brașov", "Bd. Timișoara", "Calea Giulești", "Drumul Taberei"],
}
# Approximate centre of each sector (latitude, longitude).
CENTRES = {
    1: (44.4720, 26.0700),
    2: (44.4500, 26.1350),
    3: (44.4200, 26.1500),
    4: (44.3850, 26.1100),
    5: (44.4000, 26.0650),
    6: (44.4350, 26.0250),
}


def _org(name, kind, sectors, topics, description, **extra):
    return {"name": name, "kind": kind, "sectors": sectors, "topics": topics, "description": description, **extra}


AUTHORITIES = [
    _org(
        "Primăria Municipiului București",
        K.LOCAL_AUTHORITY,
        ["municipiu"],
        ["politici-publice", "parteneriate", "finantari", "locuire"],
        "Autoritatea executivă a administrației publice locale a Capitalei. Coordonează serviciile publice "
        "de interes general ale municipiului și finanțează proiecte sociale prin programele Consiliului General.",
        short_name="PMB",
        cui="4267117",
        address="Bd. Regina Elisabeta nr. 47, Sector 5",
        postal_code="050013",
        coordinates=("44.435500", "26.093600"),
        website="https://www.pmb.ro/",
        verified=True,
        seeking_partners=True,
        partnership_text="Parteneri pentru servicii sociale integrate în cartierele cu risc de excluziune.",
    ),
    _org(
        "Primăria Sectorului 1",
        K.LOCAL_AUTHORITY,
        ["sector-1"],
        ["politici-publice", "incluziune-sociala"],
        "Administrația publică locală a Sectorului 1.",
        cui="4505324",
        address="Bd. Banu Manta nr. 9, Sector 1",
        postal_code="011229",
        coordinates=("44.456300", "26.071400"),
        website="https://www.primariasector1.ro/",
        verified=True,
    ),
    _org(
        "Primăria Sectorului 2",
        K.LOCAL_AUTHORITY,
        ["sector-2"],
        ["politici-publice", "educatie"],
        "Administrația publică locală a Sectorului 2.",
        cui="4505359",
        address="Str. Chiristigiilor nr. 11-13, Sector 2",
        postal_code="021122",
        coordinates=("44.442000", "26.113500"),
        website="https://www.ps2.ro/",
        verified=True,
    ),
    _org(
        "Primăria Sectorului 3",
        K.LOCAL_AUTHORITY,
        ["sector-3"],
        ["politici-publice", "parteneriate", "varstnici", "locuire"],
        "Administrația publică locală a Sectorului 3, cel mai populat sector al Capitalei. Derulează programe "
        "pentru vârstnici, locuire socială și consultă public proiectele de hotărâri ale Consiliului Local.",
        cui="4420465",
        address="Calea Dudești nr. 191, Sector 3",
        postal_code="031084",
        coordinates=("44.422300", "26.142800"),
        website="https://www.primarie3.ro/",
        verified=True,
        seeking_partners=True,
        partnership_text="Organizații care pot gestiona centre de zi pentru vârstnici în parteneriat public-privat.",
    ),
    _org(
        "Primăria Sectorului 4",
        K.LOCAL_AUTHORITY,
        ["sector-4"],
        ["politici-publice", "mediu"],
        "Administrația publică locală a Sectorului 4.",
        cui="4433740",
        address="Bd. George Coșbuc nr. 6-16, Sector 4",
        postal_code="040531",
        coordinates=("44.419900", "26.093400"),
        website="https://www.ps4.ro/",
        verified=True,
    ),
    _org(
        "Primăria Sectorului 5",
        K.LOCAL_AUTHORITY,
        ["sector-5"],
        ["politici-publice", "incluziune-sociala"],
        "Administrația publică locală a Sectorului 5.",
        cui="4316422",
        address="Str. Fabrica de Chibrituri nr. 9-11, Sector 5",
        postal_code="050183",
        coordinates=("44.408600", "26.081700"),
        website="https://www.sector5.ro/",
        verified=True,
    ),
    _org(
        "Primăria Sectorului 6",
        K.LOCAL_AUTHORITY,
        ["sector-6"],
        ["politici-publice", "tineret"],
        "Administrația publică locală a Sectorului 6.",
        address="Calea Plevnei nr. 147-149, Sector 6",
        postal_code="060011",
        coordinates=("44.441100", "26.076900"),
        website="https://www.primarie6.ro/",
        verified=True,
    ),
    _org(
        "Direcția Generală de Asistență Socială a Municipiului București",
        K.PUBLIC_INSTITUTION,
        ["municipiu"],
        ["incluziune-sociala", "locuire", "persoane-cu-dizabilitati"],
        "Serviciul public de asistență socială al Capitalei: adăposturi de noapte, cantine sociale, "
        "centre pentru persoane fără adăpost și programe pentru persoanele cu dizabilități.",
        short_name="DGASMB",
        address="Str. Academiei nr. 1, Sector 3",
        postal_code="030011",
        coordinates=("44.435000", "26.098800"),
        website="https://www.dgas.ro/",
        verified=True,
        social_service_provider=True,
        seeking_partners=True,
        partnership_text="ONG-uri acreditate pentru echipe mobile de stradă în sezonul rece.",
    ),
    *[
        _org(
            f"Direcția Generală de Asistență Socială și Protecția Copilului Sector {number}",
            K.PUBLIC_INSTITUTION,
            [f"sector-{number}"],
            ["incluziune-sociala", "educatie", "persoane-cu-dizabilitati"],
            f"Asigură serviciile sociale și de protecție a copilului din Sectorul {number}: evaluare, "
            "consiliere, centre de zi și servicii pentru persoanele cu dizabilități.",
            short_name=f"DGASPC Sector {number}",
            verified=True,
            social_service_provider=True,
        )
        for number in range(1, 7)
    ],
    _org(
        "Agenția Municipală pentru Ocuparea Forței de Muncă București",
        K.PUBLIC_INSTITUTION,
        ["municipiu"],
        ["ocupare", "tineret"],
        "Mediază între angajatori și persoanele care își caută un loc de muncă, organizează cursuri de "
        "formare profesională și burse ale locurilor de muncă în toată Capitala.",
        short_name="AMOFM București",
        address="Str. Sfânta Vineri nr. 27, Sector 3",
        postal_code="030203",
        coordinates=("44.429700", "26.108900"),
        website="https://www.bucuresti.anofm.ro/",
        verified=True,
        seeking_partners=True,
        partnership_text="Întreprinderi sociale care angajează persoane din grupuri vulnerabile.",
    ),
    _org(
        "Biblioteca Metropolitană București",
        K.PUBLIC_INSTITUTION,
        ["municipiu"],
        ["cultura", "educatie"],
        "Rețeaua de biblioteci publice a Capitalei, cu filiale în toate sectoarele, ateliere de lectură și "
        "cursuri de competențe digitale pentru vârstnici.",
        address="Str. Tache Ionescu nr. 4, Sector 1",
        postal_code="010354",
        coordinates=("44.443900", "26.098300"),
        website="https://www.bibliotecametropolitana.ro/",
        verified=True,
    ),
]

NGOS = [
    _org(
        "Ateliere Fără Frontiere",
        K.ASSOCIATION,
        ["municipiu", "sector-3"],
        ["economie-sociala", "economie-circulara", "incluziune-sociala", "ocupare"],
        "Asociația care administrează platforma Bucureștiul social și solidar. Din 2008 creează locuri de muncă "
        "de inserție pentru persoane aflate în dificultate, prin ateliere de reutilizare a echipamentelor "
        "informatice, de croitorie din bannere și de agricultură ecologică.",
        short_name="AFF",
        founding_year=2008,
        website="https://atelierefarafrontiere.ro/",
        verified=True,
        social_enterprise_certified=True,
        social_enterprise_certificate="AFF-IS-0001",
        social_service_provider=True,
        seeking_partners=True,
        partnership_text="Autorități și ONG-uri care vor să construiască împreună proiecte de economie socială.",
    ),
    _org(
        "Asociația Casa Ghioceilor",
        K.ASSOCIATION,
        ["sector-2"],
        ["varstnici", "incluziune-sociala"],
        "Centru de zi pentru vârstnici singuri din Colentina: masă caldă, activități de socializare și "
        "însoțire la medic.",
        founding_year=2011,
        verified=True,
        social_service_provider=True,
    ),
    _org(
        "Asociația Vecinii din Titan",
        K.ASSOCIATION,
        ["sector-3"],
        ["mediu", "tineret"],
        "Grădini comunitare, curățenie în parcuri și ateliere de educație ecologică pentru copiii din cartier.",
        founding_year=2016,
        seeking_partners=True,
        partnership_text="Căutăm o școală parteneră pentru o grădină didactică.",
    ),
    _org(
        "Asociația Școala de Meserii Ferentari",
        K.ASSOCIATION,
        ["sector-5"],
        ["educatie", "ocupare", "incluziune-sociala"],
        "Cursuri de calificare în meserii (instalator, electrician, zugrav) pentru tineri și adulți din "
        "comunitățile defavorizate ale Sectorului 5.",
        founding_year=2013,
        verified=True,
        seeking_partners=True,
        partnership_text="Angajatori care oferă stagii de practică absolvenților noștri.",
    ),
    _org(
        "Asociația Mame pentru Mame București",
        K.ASSOCIATION,
        ["sector-6"],
        ["sanatate", "incluziune-sociala"],
        "Grupuri de sprijin, consiliere pentru alăptare și un punct de donații pentru familiile cu nou-născuți.",
        founding_year=2015,
    ),
    _org(
        "Asociația Pași Împreună",
        K.ASSOCIATION,
        ["sector-4"],
        ["persoane-cu-dizabilitati", "educatie"],
        "Terapii și educație incluzivă pentru copiii cu tulburări din spectrul autist.",
        founding_year=2012,
        verified=True,
        social_service_provider=True,
    ),
    _org(
        "Asociația Biciclete pentru Comunitate",
        K.ASSOCIATION,
        ["sector-1", "sector-2"],
        ["economie-circulara", "mediu"],
        "Recondiționăm biciclete donate și le dăm elevilor care fac naveta zilnic; atelier deschis de reparații.",
        founding_year=2018,
        seeking_partners=True,
        partnership_text="Spații de depozitare puse la dispoziție de primării sau școli.",
    ),
    _org(
        "Asociația Tinerii din Rahova",
        K.ASSOCIATION,
        ["sector-5"],
        ["tineret", "cultura"],
        "Club de tineret cu ateliere de teatru, fotografie și hip-hop pentru adolescenți.",
        founding_year=2019,
    ),
    _org(
        "Asociația Locuințe Decente",
        K.ASSOCIATION,
        ["municipiu"],
        ["locuire", "politici-publice", "legislatie"],
        "Advocacy pentru locuințe sociale și sprijin juridic pentru familiile amenințate cu evacuarea.",
        founding_year=2010,
        verified=True,
    ),
    _org(
        "Asociația Cartier Verde Drumul Taberei",
        K.ASSOCIATION,
        ["sector-6"],
        ["mediu"],
        "Plantări de arbori, monitorizarea calității aerului și consultări cu vecinii despre spațiile verzi.",
        founding_year=2017,
        seeking_partners=True,
        partnership_text="Parteneri pentru o rețea de senzori de calitate a aerului.",
    ),
    _org(
        "Asociația pentru Transparență Locală",
        K.ASSOCIATION,
        ["municipiu"],
        ["politici-publice", "legislatie"],
        "Monitorizăm ședințele consiliilor locale și explicăm cetățenilor cum pot participa la consultări publice "
        "conform Legii 52/2003.",
        founding_year=2014,
        verified=True,
    ),
    _org(
        "Asociația Refugiu Urban",
        K.ASSOCIATION,
        ["sector-1"],
        ["incluziune-sociala", "locuire"],
        "Echipe de stradă și un centru de zi pentru persoanele fără adăpost din zona Gării de Nord.",
        founding_year=2009,
        verified=True,
        social_service_provider=True,
        seeking_partners=True,
        partnership_text="Medici voluntari și o spălătorie parteneră.",
    ),
    _org(
        "Asociația Semnele Tăcerii",
        K.ASSOCIATION,
        ["sector-2"],
        ["persoane-cu-dizabilitati", "educatie"],
        "Cursuri de limbaj mimico-gestual și interpretare pentru persoanele surde la instituțiile publice.",
        founding_year=2015,
    ),
    _org(
        "Asociația Prietenii Bibliotecii de Cartier",
        K.ASSOCIATION,
        ["sector-4"],
        ["cultura", "educatie"],
        "Voluntari care organizează cluburi de lectură și meditații gratuite în filialele de bibliotecă.",
        founding_year=2020,
    ),
    _org(
        "Asociația Reparăm Împreună",
        K.ASSOCIATION,
        ["sector-3"],
        ["economie-circulara", "mediu"],
        "Repair café lunar: voluntari repară gratuit electrocasnice, haine și jucării, ca să nu ajungă la gunoi.",
        founding_year=2021,
        seeking_partners=True,
        partnership_text="Un spațiu comunitar pentru atelierul lunar.",
    ),
    _org(
        "Asociația Seniori Activi Berceni",
        K.ASSOCIATION,
        ["sector-4"],
        ["varstnici", "sanatate"],
        "Gimnastică, excursii și cursuri de telefon inteligent pentru pensionarii din Berceni.",
        founding_year=2016,
        verified=True,
    ),
    _org(
        "Asociația Ajutor la Domiciliu",
        K.ASSOCIATION,
        ["sector-6", "sector-5"],
        ["varstnici", "sanatate"],
        "Îngrijire la domiciliu pentru vârstnicii dependenți, cu personal calificat.",
        founding_year=2007,
        verified=True,
        social_service_provider=True,
    ),
    _org(
        "Asociația Drumuri Deschise",
        K.ASSOCIATION,
        ["sector-1"],
        ["ocupare", "incluziune-sociala"],
        "Consiliere vocațională și mediere pe piața muncii pentru persoanele care ies din penitenciar.",
        founding_year=2013,
    ),
    _org(
        "Asociația Teatru în Cartier",
        K.ASSOCIATION,
        ["sector-3"],
        ["cultura", "tineret"],
        "Spectacole gratuite în curțile blocurilor și ateliere de teatru pentru copii.",
        founding_year=2022,
        state="draft",
    ),
    _org(
        "Fundația Lumina Copiilor",
        K.FOUNDATION,
        ["sector-3"],
        ["educatie", "incluziune-sociala"],
        "Program after-school pentru 120 de copii din familii cu venituri mici: masă caldă, teme și activități.",
        founding_year=2005,
        verified=True,
        social_service_provider=True,
        state="pending",
        pending={"description": "Program after-school pentru 150 de copii din familii cu venituri mici."},
    ),
    _org(
        "Fundația pentru Sănătate în Comunitate",
        K.FOUNDATION,
        ["sector-2", "sector-3"],
        ["sanatate"],
        "Caravane medicale și asistență medicală comunitară în cartierele fără medic de familie.",
        founding_year=2012,
        verified=True,
    ),
    _org(
        "Fundația Orașul Creativ",
        K.FOUNDATION,
        ["sector-1"],
        ["cultura", "tineret"],
        "Rezidențe artistice și granturi mici pentru proiecte culturale ale tinerilor.",
        founding_year=2014,
        seeking_partners=True,
        partnership_text="Instituții culturale care găzduiesc expoziții ale tinerilor artiști.",
    ),
    _org(
        "Fundația Sprijin pentru Familie",
        K.FOUNDATION,
        ["sector-5"],
        ["incluziune-sociala", "locuire"],
        "Consiliere și sprijin material pentru familiile în risc de separare a copiilor.",
        founding_year=2003,
        verified=True,
        social_service_provider=True,
    ),
    _org(
        "Fundația Verde Urban",
        K.FOUNDATION,
        ["municipiu"],
        ["mediu", "economie-circulara"],
        "Finanțăm proiecte de reciclare și compostare în școlile din București.",
        founding_year=2011,
        state="pending",
        pending={"seeking_partners": True, "partnership_text": "Școli care vor un program de compostare."},
        submit_for_moderation=True,
    ),
    _org(
        "Fundația Mentor pentru Tineri",
        K.FOUNDATION,
        ["sector-6"],
        ["tineret", "educatie", "ocupare"],
        "Mentori voluntari pentru tinerii care părăsesc sistemul de protecție a copilului.",
        founding_year=2010,
        verified=True,
    ),
    _org(
        "Fundația Casa Deschisă",
        K.FOUNDATION,
        ["sector-4"],
        ["persoane-cu-dizabilitati"],
        "Locuințe protejate pentru tinerii cu dizabilități intelectuale și sprijin pentru viață independentă.",
        founding_year=2006,
        verified=True,
        social_service_provider=True,
    ),
    _org(
        "Fundația Comunitară Sud",
        K.FOUNDATION,
        ["sector-4", "sector-5"],
        ["finantari", "parteneriate"],
        "Strângem donații locale și finanțăm inițiativele vecinilor din sudul Capitalei.",
        founding_year=2015,
        seeking_partners=True,
        partnership_text="Companii care vor să doneze pentru proiecte de cartier.",
    ),
    _org(
        "Fundația Educație fără Bariere",
        K.FOUNDATION,
        ["sector-2"],
        ["educatie", "persoane-cu-dizabilitati"],
        "Manuale accesibile și tehnologii asistive pentru elevii cu deficiențe de vedere.",
        founding_year=2023,
        state="draft",
    ),
    _org(
        "Federația Organizațiilor de Economie Socială din București",
        K.FEDERATION,
        ["municipiu"],
        ["economie-sociala", "parteneriate", "politici-publice"],
        "Reprezintă întreprinderile sociale și ONG-urile din Capitală în dialogul cu autoritățile locale.",
        short_name="FOESB",
        founding_year=2017,
        verified=True,
    ),
    _org(
        "Federația Furnizorilor de Servicii Sociale din Capitală",
        K.FEDERATION,
        ["municipiu"],
        ["incluziune-sociala", "legislatie"],
        "Federație a furnizorilor acreditați de servicii sociale; susține standarde de calitate și finanțare "
        "predictibilă.",
        founding_year=2012,
        verified=True,
    ),
    _org(
        "Federația Asociațiilor de Seniori București",
        K.FEDERATION,
        ["municipiu"],
        ["varstnici"],
        "Rețea a cluburilor de seniori din toate sectoarele.",
        founding_year=2009,
    ),
    _org(
        "Atelierul de Croitorie Solidară",
        K.SOCIAL_ENTERPRISE,
        ["sector-3"],
        ["economie-sociala", "ocupare"],
        "Întreprindere socială de inserție: croim genți și uniforme, angajând femei care au fost victime ale "
        "violenței domestice.",
        founding_year=2018,
        verified=True,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0231",
    ),
    _org(
        "Cafeneaua Incluzivă La Masa Tuturor",
        K.SOCIAL_ENTERPRISE,
        ["sector-1"],
        ["ocupare", "persoane-cu-dizabilitati", "economie-sociala"],
        "Cafenea în care lucrează tineri cu dizabilități, pregătiți de noi ca baristas și ospătari.",
        founding_year=2019,
        verified=True,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0305",
        seeking_partners=True,
        partnership_text="Cantine și firme de catering care vor să angajeze absolvenții noștri.",
    ),
    _org(
        "Tipografia Socială Rahova",
        K.SOCIAL_ENTERPRISE,
        ["sector-5"],
        ["economie-sociala", "ocupare"],
        "Tipografie digitală care angajează tineri din Rahova-Ferentari.",
        founding_year=2020,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0412",
    ),
    _org(
        "Brutăria Bunătăți cu Rost",
        K.SOCIAL_ENTERPRISE,
        ["sector-2"],
        ["economie-sociala", "ocupare"],
        "Brutărie de cartier: o parte din profit finanțează cursuri de calificare pentru angajații noștri.",
        founding_year=2021,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0478",
        state="pending",
        pending={"description": "Brutărie de cartier cu pâine din făină integrală românească."},
    ),
    _org(
        "Compost Urban",
        K.SOCIAL_ENTERPRISE,
        ["sector-6"],
        ["economie-circulara", "mediu"],
        "Colectăm resturile vegetale de la restaurante și le transformăm în compost pentru grădinile publice.",
        founding_year=2022,
        seeking_partners=True,
        partnership_text="Administrații de parcuri care folosesc compost local.",
    ),
    _org(
        "Reciclarte Atelier de Reutilizare",
        K.SOCIAL_ENTERPRISE,
        ["sector-4"],
        ["economie-circulara", "economie-sociala"],
        "Mobilier și obiecte de decor din materiale recuperate, lucrate de persoane în căutarea unui loc de muncă.",
        founding_year=2017,
        verified=True,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0158",
    ),
    _org(
        "Cooperativa Agricolă Grădina Vecinilor",
        K.SOCIAL_ENTERPRISE,
        ["sector-6"],
        ["economie-sociala", "mediu"],
        "Legume cultivate ecologic la marginea orașului, livrate în coșuri săptămânale abonaților din cartier.",
        founding_year=2019,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0377",
    ),
    _org(
        "Spălătoria Socială Colentina",
        K.SOCIAL_ENTERPRISE,
        ["sector-2"],
        ["ocupare", "incluziune-sociala"],
        "Spălătorie și călcătorie care oferă primul loc de muncă persoanelor fără experiență.",
        founding_year=2020,
    ),
    _org(
        "Ateliere Digitale Incluzive",
        K.SOCIAL_ENTERPRISE,
        ["sector-1", "municipiu"],
        ["educatie", "ocupare"],
        "Cursuri de programare și testare software pentru persoane cu dizabilități locomotorii.",
        founding_year=2021,
        verified=True,
        social_enterprise_certified=True,
        social_enterprise_certificate="IS-B-0496",
        seeking_partners=True,
        partnership_text="Firme IT care oferă stagii plătite.",
    ),
    _org(
        "Grupul de inițiativă civică Parcul Circului",
        K.OTHER,
        ["sector-2"],
        ["mediu"],
        "Locuitori din jurul Parcului Circului care urmăresc proiectele de amenajare și cer consultarea publicului.",
        # An informal group has no fiscal code (CUI), so it cannot be published: it waits as a draft.
        no_cui=True,
        state="draft",
    ),
    _org(
        "Casa de Ajutor Reciproc a Pensionarilor Sector 4",
        K.OTHER,
        ["sector-4"],
        ["varstnici"],
        "Împrumuturi cu dobândă mică, club și excursii pentru membrii pensionari.",
        short_name="CARP Sector 4",
        founding_year=1995,
        verified=True,
    ),
    _org(
        "Centrul Comunitar Ferentari",
        K.OTHER,
        ["sector-5"],
        ["incluziune-sociala", "educatie"],
        "Spațiu comunitar administrat de mai multe organizații: bibliotecă, consiliere și activități pentru copii.",
        founding_year=2014,
        seeking_partners=True,
        partnership_text="Organizații care vor să țină activități săptămânale în centru.",
    ),
    _org(
        "Clubul Sportiv Comunitar Militari",
        K.OTHER,
        ["sector-6"],
        ["tineret", "sanatate"],
        "Antrenamente gratuite de fotbal și baschet pentru copiii din cartierul Militari.",
        founding_year=2018,
        state="draft",
    ),
    _org(
        "Asociația Bucătăria Solidară",
        K.ASSOCIATION,
        ["sector-3", "sector-4"],
        ["incluziune-sociala", "economie-circulara"],
        "Gătim din alimentele salvate de la supermarketuri și împărțim zilnic 300 de porții calde.",
        founding_year=2020,
        verified=True,
        seeking_partners=True,
        partnership_text="Magazine care donează alimente aproape de expirare.",
    ),
    _org(
        "Asociația Voluntari pentru Cartier",
        K.ASSOCIATION,
        ["sector-6", "sector-1"],
        ["tineret", "parteneriate"],
        "Platformă de voluntariat care pune în legătură tinerii cu nevoile organizațiilor din cartier.",
        founding_year=2016,
    ),
    _org(
        "Fundația Femei în Tehnologie",
        K.FOUNDATION,
        ["sector-2"],
        ["educatie", "ocupare"],
        "Burse și cursuri de tehnologie pentru femeile care se reîntorc pe piața muncii.",
        founding_year=2018,
        verified=True,
    ),
]


def seed(*, home, topics):
    """Create the demo organizations that do not exist yet; returns no logins."""
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    editor = get_user_model().objects.filter(username="editor").first()
    for index, data in enumerate([*AUTHORITIES, *NGOS]):
        _seed_organization(
            index, dict(data), real=index < len(AUTHORITIES), sectors=sectors, topics=topics, editor=editor
        )
    return []


def _seed_organization(index, data, *, real, sectors, topics, editor):
    rng = random.Random(data["name"])  # noqa: S311 - demo data
    slug = slugify(data["name"])[:240]
    cui = data.pop("cui", None) or (None if data.pop("no_cui", False) else _fictional_cui(data["name"]))
    if Organization.objects.filter(Q(slug=slug) | Q(cui=cui) if cui else Q(slug=slug)).exists():
        return
    sector_slugs = data.pop("sectors")
    topic_slugs = data.pop("topics")
    state = data.pop("state", "live")
    pending = data.pop("pending", None)
    submit = data.pop("submit_for_moderation", False)
    coordinates = data.pop("coordinates", None)
    if not real and "website" not in data:
        number = next((int(s.rsplit("-", 1)[1]) for s in sector_slugs if s.startswith("sector-")), rng.randint(1, 6))
        data["address"] = f"{rng.choice(STREETS[number])} nr. {rng.randint(1, 180)}, Sector {number}"
        data["postal_code"] = f"0{number}{rng.randint(0, 9999):04d}"
        latitude, longitude = CENTRES[number]
        coordinates = (f"{latitude + rng.uniform(-0.012, 0.012):.6f}", f"{longitude + rng.uniform(-0.015, 0.015):.6f}")
        data["website"] = f"https://{slug[:50]}.example.org/"
        data["email"] = f"contact@{slug[:50]}.example.org"
        data["phone"] = f"+40 21 000 {rng.randint(10, 99)} {rng.randint(10, 99)}"
        if data["kind"] in (K.ASSOCIATION, K.FOUNDATION, K.FEDERATION):
            year = data.get("founding_year") or 2010
            data["registration_number"] = (
                f"{rng.randint(1000, 99999)}/{rng.randint(10, 28)}.0{rng.randint(1, 9)}.{year}"
            )
        if rng.random() < 0.5:
            data["facebook_url"] = f"https://www.facebook.com/{slug[:40]}"

    organization = Organization(slug=slug, cui=cui, live=False, **data)
    if coordinates:
        organization.latitude, organization.longitude = (Decimal(value) for value in coordinates)
    organization.sectors.set([sectors[slug] for slug in sector_slugs])
    organization.topics.set([topics[slug] for slug in topic_slugs])
    if index % 4 != 3:  # most, not all, have a logo
        organization.logo = generated_image(f"Logo {data['name']}", seed=index, width=400, height=200)
    organization.full_clean()
    organization.save()
    # Created and published by the seed itself (no user); only the pending changes are the editor's.
    revision = organization.save_revision(log_action="wagtail.create")
    if state == "draft":
        return
    revision.publish()
    if state == "pending":
        # A change that is saved but not approved: the public keeps seeing the published values.
        organization = Organization.objects.get(pk=organization.pk)
        for name, value in pending.items():
            setattr(organization, name, value)
        organization.save_revision(user=editor, log_action=True)
        if submit and editor is not None:
            Organization.get_default_workflow().start(organization, editor)


def _fictional_cui(name):
    """A fictional but well-formed CUI, the same for a name on every run."""
    base = str(31_000_000 + zlib.crc32(name.encode()) % 8_000_000)
    return base + str(cui_check_digit(base))
