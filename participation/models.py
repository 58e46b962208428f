"""The participation core's records: transition logs, moderation (reports, blocks), notifications, follows.

Every record that points at an object of another app does so through a generic relation (content type and
id), so this app imports none of the project's apps.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def optional_person(verbose_name):
    """Who did something; kept empty when their account is deleted (what they did stays, anonymised)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class GenericTarget(models.Model):
    """The object a record is about, of any model."""

    content_type = models.ForeignKey(ContentType, verbose_name=_("kind"), on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(_("object id"), max_length=64)
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class TransitionLogQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class TransitionLog(GenericTarget):
    """One state change: from which state to which, by whom, on behalf of which organization, why and when."""

    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from state"), max_length=40)
    to_state = models.CharField(_("to state"), max_length=40)
    actor = optional_person(_("done by"))
    acting_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)

    objects = TransitionLogQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        indexes = [models.Index(fields=["content_type", "object_id"], name="participation_log_target")]

    def __str__(self):
        return f"{self.from_state} → {self.to_state}"


class ModerationState(models.TextChoices):
    PENDING = "pending", _("waiting for moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    HIDDEN = "hidden", _("hidden")


class ModeratedQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(moderation_state=ModerationState.PENDING)

    def approved(self):
        return self.filter(moderation_state=ModerationState.APPROVED)


class ModeratedSubmission(models.Model):
    """Base of what members submit and staff approve: consultation responses, dialogue posts, ….

    The moderation state changes only through participation.moderation (its transition table).
    """

    author = optional_person(_("author"))
    moderation_state = models.CharField(
        _("moderation"), max_length=20, choices=ModerationState.choices, default=ModerationState.PENDING
    )
    moderated_by = optional_person(_("moderated by"))
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_reason = models.TextField(_("moderator's reason"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.moderation_state == ModerationState.APPROVED


class Report(GenericTarget):
    """A member's report ("Raportează") of a public submission that breaks the rules."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reported by"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = optional_person(_("resolved by"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                name="participation_report_one_per_member",
                violation_error_message=_("You have already reported this."),
            )
        ]

    def __str__(self):
        return self.reason[:80]


class SubmissionBlock(models.Model):
    """A member whom moderators stopped from submitting anything, with the reason the member is shown."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="submission_block"
    )
    reason = models.TextField(_("reason shown to the member"))
    blocked_by = optional_person(_("blocked by"))
    created_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked member")
        verbose_name_plural = _("blocked members")

    def __str__(self):
        return str(self.user)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something a member should know about, listed in "Contul meu" and, as they chose, emailed."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("about"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("title"), max_length=200, help_text=_("Also the subject of its email."))
    text = models.CharField(_("text"), max_length=500, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # When the notification went out by email (at once or in a digest); empty while it waits for a digest.
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="participation_notif_unread")]

    def __str__(self):
        return self.title


class Frequency(models.TextChoices):
    IMMEDIATE = "imediat", _("at once")
    DAILY = "zilnic", _("in a daily digest")
    NEVER = "niciodata", _("never (only in “Contul meu”)")


class NotificationPreference(models.Model):
    """How a member wants the emails of one kind of notification."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=60)
    frequency = models.CharField(_("emails"), max_length=20, choices=Frequency.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="participation_preference_one_per_kind"),
            models.CheckConstraint(
                condition=Q(frequency__in=["imediat", "zilnic", "niciodata"]),
                name="participation_preference_frequency_valid",
            ),
        ]

    def __str__(self):
        return f"{self.kind}: {self.frequency}"


class Follow(GenericTarget):
    """A member follows an organization, a topic, a consultation, a proposal, a thread…"""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="participation_follow_once_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"
