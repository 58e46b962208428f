"""The dialogue: threads (discussions and assistance requests) and their replies, both moderated submissions.

A thread is public or for members only; what anyone may read is decided in one place, `ThreadQuerySet.visible_to`
(and `PostQuerySet.visible_to` for replies). Counters on the thread (`reply_count`, `last_activity_at`) are kept by
`dialogue.services`, so that the listing reads one row per thread.
"""

from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from participation.models import ModeratedQuerySet, ModeratedSubmission, ModerationState, optional_person

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 20000


class ThreadKind(models.TextChoices):
    DISCUSSION = "discutie", _("discussion")
    ASSISTANCE = "asistenta", _("assistance request")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public: anyone can read it")
    MEMBERS = "membri", _("members only: logged-in members can read it")


class ThreadQuerySet(ModeratedQuerySet):
    def public(self):
        """Approved threads anyone may read: the website for anonymous readers, the API, search, feeds, sitemap."""
        return self.approved().filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user):
        """What `user` reads in the listing and can open: approved threads (members-only ones once logged in),
        and their own threads whatever their moderation state."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.public()
        return self.filter(Q(moderation_state=ModerationState.APPROVED) | Q(author=user))

    def unanswered(self):
        return self.filter(reply_count=0)

    def answered(self):
        return self.filter(reply_count__gt=0)

    def solved(self):
        return self.filter(accepted_reply__isnull=False)

    def for_listing(self):
        """What the listing, the home page, profiles and the API read, in a constant number of queries."""
        return self.select_related("author", "organization").prefetch_related("topics")


class Thread(ModeratedSubmission):
    """A discussion or an assistance request a member opened; its first text is part of the thread."""

    kind = models.CharField(_("kind"), max_length=20, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION)
    visibility = models.CharField(
        _("who can read it"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("text"), validators=[MaxLengthValidator(TEXT_MAX_LENGTH)])
    topics = models.ManyToManyField("website.Topic", verbose_name=_("topics"), blank=True, related_name="threads")
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogue_threads",
    )
    by_staff = models.BooleanField(_("written by the platform team"), default=False, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)
    locked_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    locked_by = optional_person(_("closed by"))
    lock_reason = models.CharField(_("why it was closed"), max_length=500, blank=True)
    # Kept by dialogue.services: approved replies, and the moment of the latest approved post.
    reply_count = models.PositiveIntegerField(_("replies"), default=0, editable=False)
    last_activity_at = models.DateTimeField(_("latest activity"), default=timezone.now, db_index=True, editable=False)
    accepted_reply = models.OneToOneField(
        "dialogue.Post",
        verbose_name=_("the answer that helped"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        indexes = [models.Index(fields=["moderation_state", "visibility", "-last_activity_at"], name="dialogue_list")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialogue:thread", args=[self.pk])

    @property
    def is_locked(self):
        return self.locked_at is not None

    @property
    def is_members_only(self):
        return self.visibility == Visibility.MEMBERS

    @property
    def is_assistance(self):
        return self.kind == ThreadKind.ASSISTANCE

    @property
    def public_author_name(self):
        return public_author_name(self)


class PostQuerySet(ModeratedQuerySet):
    def visible_to(self, user):
        """The replies `user` reads under a thread they can open: approved ones, and their own whatever the state."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.approved()
        return self.filter(Q(moderation_state=ModerationState.APPROVED) | Q(author=user))

    def public(self):
        """Approved replies in public, approved threads: what search and the API may show."""
        return self.approved().filter(thread__in=Thread.objects.public())


class Post(ModeratedSubmission):
    """A reply in a thread, possibly quoting an earlier reply of the same thread."""

    thread = models.ForeignKey(Thread, verbose_name=_("discussion"), on_delete=models.CASCADE, related_name="posts")
    text = models.TextField(_("text"), validators=[MaxLengthValidator(TEXT_MAX_LENGTH)])
    quote = models.ForeignKey(
        "self",
        verbose_name=_("quotes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dialogue_posts",
    )
    by_staff = models.BooleanField(_("written by the platform team"), default=False, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        indexes = [models.Index(fields=["thread", "moderation_state", "created_at"], name="dialogue_post_thread")]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{reverse('dialogue:thread', args=[self.thread_id])}#raspuns-{self.pk}"

    @property
    def public_author_name(self):
        return public_author_name(self)


def public_author_name(post):
    """The organization's name, else the author's full name; never an email address."""
    if post.organization_id:
        return post.organization.name
    if post.author_id and post.author.get_full_name().strip():
        return post.author.get_full_name().strip()
    return str(_("A member of the platform"))


@register_setting(icon="comment")
class DialogueSettings(BaseSiteSetting):
    """How the dialogue is moderated, and the rules shown to members beside the private group's link."""

    premoderated_posts = models.PositiveSmallIntegerField(
        _("posts reviewed before publication"),
        default=2,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "A member's first posts wait for a moderator's approval; once this many were approved, the next ones "
            "appear at once. 0: every post appears at once."
        ),
    )
    edit_window_minutes = models.PositiveSmallIntegerField(
        _("minutes in which authors may edit"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(1440)],
    )
    rules = models.TextField(
        _("rules of the dialogue"),
        blank=True,
        help_text=_("Shown on the dialogue's page and beside the link to the private group. Plain text."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("premoderated_posts"), FieldPanel("edit_window_minutes")], heading=_("Moderation")
        ),
        FieldPanel("rules"),
    ]

    class Meta:
        verbose_name = _("dialogue")


def dialogue_settings(request=None):
    """The settings of the default site (the dialogue is the same on every host)."""
    if request is not None:
        return DialogueSettings.for_request(request)
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return DialogueSettings.for_site(site) if site else DialogueSettings()
