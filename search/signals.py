"""Thin adapters from Django's and Wagtail's signals to search.services: documents follow what is public."""

import contextlib

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

from . import services
from .models import SearchDocument


def _ignored(sender, kwargs):
    # Fixtures (raw), models of migrations (historical, module "__fake__") and the documents themselves.
    return kwargs.get("raw") or sender.__module__ == "__fake__" or issubclass(sender, SearchDocument)


def on_save(sender, instance, **kwargs):
    if _ignored(sender, kwargs):
        return
    if isinstance(instance, PageViewRestriction):
        services.page_tree_changed(page=instance.page)
    else:
        services.object_changed(obj=instance)


def on_delete(sender, instance, **kwargs):
    if _ignored(sender, kwargs):
        return
    if isinstance(instance, PageViewRestriction):
        services.page_tree_changed(page=instance.page)
    else:
        services.object_deleted(obj=instance)


def on_relation_changed(sender, instance, action, reverse, **kwargs):
    # A page's or an organization's topics are saved after the object itself (modelcluster commits them then).
    if action in ("post_add", "post_remove", "post_clear") and not reverse and not _ignored(type(instance), {}):
        services.object_changed(obj=instance)


def on_page_unpublished(sender, instance, **kwargs):
    services.object_changed(obj=instance)


def on_page_tree_changed(sender, instance, **kwargs):
    services.page_tree_changed(page=instance)


def connect():
    post_save.connect(on_save, dispatch_uid="search_documents_save")
    post_delete.connect(on_delete, dispatch_uid="search_documents_delete")
    m2m_changed.connect(on_relation_changed, dispatch_uid="search_documents_relations")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search_documents_page_unpublished")
    post_page_move.connect(on_page_tree_changed, dispatch_uid="search_documents_page_moved")
    page_slug_changed.connect(on_page_tree_changed, dispatch_uid="search_documents_slug_changed")


def disconnect():
    post_save.disconnect(dispatch_uid="search_documents_save")
    post_delete.disconnect(dispatch_uid="search_documents_delete")
    m2m_changed.disconnect(dispatch_uid="search_documents_relations")
    page_unpublished.disconnect(dispatch_uid="search_documents_page_unpublished")
    post_page_move.disconnect(dispatch_uid="search_documents_page_moved")
    page_slug_changed.disconnect(dispatch_uid="search_documents_slug_changed")


@contextlib.contextmanager
def paused():
    """Documents do not follow saves inside the block (bulk loads): rebuild them after it (`documents_rebuild`)."""
    disconnect()
    try:
        yield
    finally:
        connect()
