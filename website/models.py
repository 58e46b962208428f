"""The site's shell: home and content pages, the contact form, topics and site-wide settings."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import ratelimit
from .blocks import BodyBlock
from .collation import COLUMN_COLLATION
from .hooks import home_page_blocks


class Topic(index.Indexed, models.Model):
    """A theme shared by pages, organizations and proposals (economie socială, mediu, …)."""

    # Collated in Romanian: every list of topics (filters, cards, profiles, forms) puts "Îngrijire" after "Incluziune".
    name = models.CharField(_("name"), max_length=100, unique=True, db_collation=COLUMN_COLLATION)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["id", "name", "slug"]


class BasePage(Page):
    """Fields every content page has: summary, body, topics and a listing image."""

    intro = models.TextField(
        _("summary"),
        blank=True,
        validators=[MaxLengthValidator(600)],
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared on social networks."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    taxonomy_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("topics"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("listing_image", serializer=ImageRenditionField("fill-800x450|format-webp")),
    ]

    class Meta:
        abstract = True

    @property
    def summary(self):
        return self.intro or self.search_description


class AttachedDocument(Orderable):
    """A document attached to a page (a call's forms, a draft act's annexes), with an optional title of its own.

    Subclasses add `page = ParentalKey(TheirPage, related_name=…)` and their Meta.
    """

    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title


class HomePage(BasePage):
    """The site's front page: what the platform is, then the latest of each content family."""

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section's index page names HomePage in its parent_page_types, so a new app's
    # section plugs in without an edit here (every page type declares its parents; tests/website checks).
    max_count = 1

    hero_title = models.CharField(
        _("headline"), max_length=200, blank=True, help_text=_("Large text at the top of the page.")
    )
    hero_text = models.TextField(_("headline text"), blank=True, validators=[MaxLengthValidator(600)])

    content_panels = BasePage.content_panels[:1] + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Headline")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("hero_title"), APIField("hero_text")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The latest of each content family, as the apps register them (HOME_PAGE_BLOCKS_HOOK).
        context["home_blocks"] = home_page_blocks(request)
        return context


class ContentPage(BasePage):
    """A plain page: about the project, privacy policy, terms."""

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = ["website.ContentPage", "website.FormPage"]

    content_panels = BasePage.content_panels + BasePage.taxonomy_panels

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractForm):
    """A form (the contact form) whose submissions are stored and emailed to the site's contact address."""

    parent_page_types = ["website.HomePage", "website.ContentPage"]
    subpage_types = []

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=["bold", "italic", "link"])
    email_subject = models.CharField(
        _("email subject"), max_length=255, blank=True, help_text=_("Leave empty to use the page title.")
    )

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        FieldRowPanel([FieldPanel("email_subject")], heading=_("Email")),
    ]
    search_fields = AbstractForm.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("thank_you_text")]

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views cannot be imported while models load.
        from .spreadsheets import FormSubmissionsListView

        return FormSubmissionsListView

    def serve(self, request, *args, **kwargs):
        # Wagtail's serve, plus a limit on submissions per visitor (each one emails the staff): website.ratelimit.
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_valid():
            try:
                ratelimit.consume(request, "contact_form")
            except ratelimit.RateLimited as error:
                form.add_error(None, error)
            else:
                return self.render_landing_page(request, self.process_form_submission(form), *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=ratelimit.form_status(form))

    def process_form_submission(self, form):
        from .tasks import send_form_submission

        submission = super().process_form_submission(form)
        recipient = SiteSettings.for_site(self.get_site()).contact_email
        if recipient:
            send_form_submission.enqueue(
                subject=self.email_subject or self.title,
                body=self.render_email(form),
                recipient=recipient,
                reply_to=form.cleaned_data.get("email") or "",
            )
        return submission

    def render_email(self, form):
        lines = [f"{field.label}: {form.cleaned_data.get(field.name, '')}" for field in form]
        return "\n".join(lines)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details, social links and the funding disclaimer shown in every page's footer."""

    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Messages from the contact form are sent here.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    discussion_group_url = models.URLField(
        _("private discussion group"),
        blank=True,
        help_text=_("Link to the members' private group on a social network."),
    )
    funding_disclaimer = models.TextField(
        _("funding disclaimer"),
        blank=True,
        help_text=_("Shown in the footer of every page: EU co-financing, programme and project code."),
    )
    programme_name = models.CharField(_("programme"), max_length=255, blank=True)
    project_code = models.CharField(_("project code"), max_length=100, blank=True)
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funder logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("discussion_group_url"),
            ],
            heading=_("Social networks"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_disclaimer"),
                FieldPanel("programme_name"),
                FieldPanel("project_code"),
                FieldPanel("funder_logo"),
            ],
            heading=_("Funding"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @cached_property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]
