"""Fill the site with realistic Romanian demo content. Safe to run again: nothing is duplicated."""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from website import demo
from website.groups import EDITORS, setup_groups
from website.models import ContentPage, FormField, FormPage, SiteSettings

# Each app's demo module has `seed(*, home, topics)`, returning a list of (role, username, password) logins.
APP_DEMO_MODULES = ["directory.demo", "members.demo", "news.demo", "guides.demo", "funding.demo"]

EDITOR_LOGIN = ("editor", "editor@bucuresti-social.ro", "Editor-Demo-2026")


class Command(BaseCommand):
    help = "Create the Romanian demo content, an editor account, and print the demo logins."

    @transaction.atomic
    def handle(self, *args, **options):
        # Demo workflows and memberships would email their (fictional) people: send nothing.
        with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}):
            logins = self.seed()
        self.stdout.write(self.style.SUCCESS("Demo content ready: http://127.0.0.1:8000/ (admin: /admin/)"))
        for role, username, password in logins:
            self.stdout.write(f"  {role}: {username} / {password}")

    def seed(self):
        groups = setup_groups()
        home = demo.home_page()
        topics = demo.topics()
        self.seed_settings(home)
        self.seed_content_pages(home, topics)
        logins = [("Editor (administrare)", *self.seed_editor(groups))]
        for module_name in APP_DEMO_MODULES:
            logins += import_module(module_name).seed(home=home, topics=topics) or []
        return logins

    def seed_settings(self, home):
        site_settings = SiteSettings.for_site(home.get_site())
        if not site_settings.contact_email:
            site_settings.contact_email = "contact@bucuresti-social.ro"
            site_settings.phone = "+40 21 000 00 00"
            site_settings.address = "Str. Exemplu nr. 1, Sector 3\n030000 București"
            site_settings.facebook_url = "https://www.facebook.com/"
            site_settings.linkedin_url = "https://www.linkedin.com/"
            site_settings.funding_disclaimer = (
                "Proiect cofinanțat din Fondul Social European Plus prin Programul Incluziune și Demnitate "
                "Socială 2021-2027. Conținutul acestui material nu reprezintă în mod obligatoriu poziția "
                "oficială a Uniunii Europene sau a Guvernului României."
            )
            site_settings.programme_name = "Programul Incluziune și Demnitate Socială 2021-2027"
            site_settings.project_code = "PIDS/2026/000001"
            site_settings.save()

    def seed_content_pages(self, home, topics):
        about = demo.child_page(
            home,
            ContentPage,
            slug="despre",
            title="Despre proiect",
            show_in_menus=True,
            intro=(
                "Bucureștiul social și solidar aduce împreună organizațiile neguvernamentale, întreprinderile "
                "sociale și autoritățile publice locale din Capitală."
            ),
            body=[
                demo.heading("Ce ne propunem"),
                *demo.paragraph(
                    "Vrem ca organizațiile și instituțiile din București să se găsească ușor, să afle la timp "
                    "de finanțări și consultări publice și să lucreze împreună la proiecte pentru comunitate.",
                    "Platforma este administrată de Ateliere Fără Frontiere, o organizație care lucrează din "
                    "2008 pentru incluziunea socială și economia circulară.",
                ),
            ],
            topics=[topics["parteneriate"], topics["economie-sociala"]],
        )
        demo.child_page(
            about,
            ContentPage,
            slug="politica-de-confidentialitate",
            title="Politica de confidențialitate",
            intro="Cum prelucrăm datele cu caracter personal, conform Regulamentului (UE) 2016/679 (GDPR).",
            body=[
                demo.heading("Ce date prelucrăm"),
                *demo.paragraph(
                    "Prelucrăm numele și adresa de e-mail ale membrilor, datele de contact ale organizațiilor "
                    "și mesajele trimise prin formularul de contact.",
                    "Datele membrilor nu sunt publice. Fiecare membru își poate descărca datele și își poate "
                    "șterge contul din secțiunea „Contul meu”.",
                ),
                demo.heading("Drepturile dumneavoastră"),
                *demo.paragraph(
                    "Aveți dreptul de acces, rectificare, ștergere, restricționare, portabilitate și opoziție. "
                    "Ne puteți scrie oricând la adresa de contact a platformei."
                ),
            ],
        )
        demo.child_page(
            about,
            ContentPage,
            slug="termeni-si-conditii",
            title="Termeni și condiții",
            intro="Regulile de utilizare a platformei Bucureștiul social și solidar.",
            body=demo.paragraph(
                "Conținutul publicat de membri trebuie să fie corect, să respecte legea și să nu conțină date "
                "personale ale altor persoane fără acordul acestora."
            ),
        )
        contact = demo.child_page(
            home,
            FormPage,
            slug="contact",
            title="Contact",
            show_in_menus=True,
            intro="<p>Scrieți-ne și vă răspundem în cel mult trei zile lucrătoare.</p>",
            thank_you_text="<p>Vă mulțumim! Mesajul a fost trimis.</p>",
            email_subject="Mesaj nou prin formularul de contact",
        )
        if not contact.form_fields.exists():
            for order, (label, field_type, required) in enumerate(
                [("Nume", "singleline", True), ("Email", "email", True), ("Mesaj", "multiline", True)]
            ):
                FormField.objects.create(
                    page=contact, sort_order=order, label=label, field_type=field_type, required=required
                )

    def seed_editor(self, groups):
        username, email, password = EDITOR_LOGIN
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": email, "first_name": "Elena", "last_name": "Editor"}
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(groups[EDITORS])
        return username, password
