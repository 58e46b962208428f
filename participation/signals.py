"""Thin adapters from Wagtail's publication signals to the followers' notifications."""

from wagtail.models import Page

from .follows import notify_followers_of_publication


def on_page_published(sender, instance, revision=None, **kwargs):
    # New content only: the first publication, not every later correction.
    if instance.first_published_at and instance.first_published_at == instance.last_published_at:
        notify_followers_of_publication(obj=instance.specific, by=getattr(revision, "user", None))


def on_published(sender, instance, revision=None, **kwargs):
    if isinstance(instance, Page):
        return  # Wagtail sends pages both signals: on_page_published answers for them.
    notify_followers_of_publication(obj=instance, by=getattr(revision, "user", None))
