"""Fill the site with realistic Romanian demo content. Safe to run again: nothing is duplicated."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from website import demo
from website.addresses import public_base_url
from website.groups import EDITORS, setup_groups
from website.hooks import demo_loaders
from website.models import ContentPage, FormField, FormPage, SiteSettings

EDITOR_LOGIN = ("editor", "editor@bucuresti-social.ro", "Editor-Demo-2026")


class Command(BaseCommand):
    help = "Create the Romanian demo content, an editor account, and print the demo logins."

    @transaction.atomic
    def handle(self, *args, **options):
        # Demo workflows and memberships would email their (fictional) people: send nothing.
        with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}):
            logins = self.seed()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {public_base_url()}/ (admin: /admin/)"))
        for role, username, password in logins:
            self.stdout.write(f"  {role}: {username} / {password}")

    def seed(self):
        groups = setup_groups()
        home = demo.home_page()
        topics = demo.topics()
        self.seed_settings(home)
        self.seed_content_pages(home, topics)
        logins = [("Editor (administrare)", *self.seed_editor(groups))]
        # Each app's loader (DEMO_DATA_HOOK) returns the (role, username, password) logins it created.
        for seed in demo_loaders():
            logins += seed(home=home, topics=topics) or []
        return logins

    def seed_settings(self, home):
        """The footer's contact details and funding disclaimer, from demo_data/site_settings.json."""
        site_settings = SiteSettings.for_site(home.get_site())
        values = demo.load_data(demo.DATA_DIR / "site_settings.json")
        if any(getattr(site_settings, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(site_settings, name, value)
            site_settings.full_clean()
            site_settings.save()

    def seed_content_pages(self, home, topics):
        data = demo.load_data(demo.DATA_DIR / "about.json")
        texts = {"title": data["title"], "intro": data["intro"], "body": demo.streamfield(data["body"])}
        about = demo.child_page(
            home,
            ContentPage,
            slug=data["slug"],
            show_in_menus=True,
            topics=[topics[slug] for slug in data["topics"]],
            **texts,
        )
        demo.update_page(about, **texts)
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
