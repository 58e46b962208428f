"""The only code that writes search documents: refresh one object's, rebuild them all, index them."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.index import remove_object
from wagtail.search.tasks import insert_or_update_object_task

from .documents import BODY_MAX_CHARACTERS
from .models import SearchDocument
from .registry import all_search_kinds, kind_for_model, kinds_refreshed_by, search_kinds

FIELDS = ["kind", "title", "body", "url", "date", "closes_at", "priority"]


def _values(kind, data):
    return {
        "kind": kind.key,
        "title": " ".join(str(data.title).split())[:255],
        "body": data.body[:BODY_MAX_CHARACTERS],
        "url": data.url[:500],
        "date": data.date,
        "closes_at": data.closes_at,
        "priority": data.priority,
    }


def _index(document):
    # Through Wagtail's indexing task, as its own signal handlers do: the worker, or at once in tests.
    insert_or_update_object_task.enqueue(document._meta.app_label, document._meta.model_name, str(document.pk))


def _delete(documents):
    for document in documents:
        remove_object(document)
        document.delete()


def _save(kind, obj, document=None, topic_ids=None):
    """Write `obj`'s document from its kind; returns it when something changed, else None."""
    data = kind.document(obj)
    values = _values(kind, data)
    topics = sorted(set(data.topics))
    if document is None:
        document = SearchDocument(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
        topic_ids = None
    elif all(getattr(document, name) == value for name, value in values.items()) and topic_ids == topics:
        return None
    for name, value in values.items():
        setattr(document, name, value)
    document.save()
    if topic_ids != topics:
        document.topics.set(topics)
    return document


def _specific_model(obj):
    if isinstance(obj, Page):
        return obj.specific_class or type(obj)
    return type(obj)


@transaction.atomic
def document_refresh(*, model, pk):
    """Make the document of object `pk` of `model` match it: written if the object is public, deleted if not."""
    kind = kind_for_model(model)
    if kind is not None:
        obj = kind.public().filter(pk=pk).first()
        existing = SearchDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False), object_id=str(pk)
        ).first()
        if obj is None:
            _delete([existing] if existing else [])
        else:
            topic_ids = sorted(existing.topics.values_list("pk", flat=True)) if existing else None
            changed = _save(kind, obj, existing, topic_ids)
            if changed is not None:
                _index(changed)
    for related_kind, related in kinds_refreshed_by(model):
        for related_pk in related(pk).values_list("pk", flat=True):
            document_refresh(model=related_kind.model, pk=related_pk)


def object_changed(*, obj):
    """Re-check the search document of `obj` (a saved or deleted object of any model) and of what depends on it."""
    model = _specific_model(obj)
    if kind_for_model(model) is not None or kinds_refreshed_by(model):
        document_refresh(model=model, pk=obj.pk)


def object_deleted(*, obj):
    """Delete the search document of a deleted object."""
    model = _specific_model(obj)
    if kind_for_model(model) is None:
        return
    _delete(
        SearchDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False), object_id=str(obj.pk)
        )
    )


def page_tree_changed(*, page):
    """Re-check the documents of `page` and of every page below it (moved, renamed, made private or public)."""
    registered = {kind.model for kind in all_search_kinds()}
    refreshed = {model for kind in all_search_kinds() for model in kind.refresh_with}
    pages = Page.objects.descendant_of(page, inclusive=True).only("pk", "content_type")
    for descendant in pages.iterator():
        model = descendant.specific_class
        if model in registered or any(issubclass(model, related) for related in refreshed):
            document_refresh(model=model, pk=descendant.pk)


def documents_rebuild(*, kinds=None, stdout=None):
    """Build every registered kind's documents from its public objects, delete the rest, and index them all (at
    once, not through the task worker, so that the search answers as soon as the command ends).

    Returns {kind key: number of documents}. `kinds` (keys) limits the rebuild to those kinds.
    """
    registry = search_kinds()
    selected = [kind for kind in all_search_kinds() if not kinds or kind.key in kinds]
    counts = {}
    with transaction.atomic():
        if not kinds:
            _delete(SearchDocument.objects.exclude(kind__in=list(registry)))
        for kind in selected:
            documents = []
            content_type = ContentType.objects.get_for_model(kind.model, for_concrete_model=False)
            existing = {
                document.object_id: document
                for document in SearchDocument.objects.filter(content_type=content_type).prefetch_related("topics")
            }
            seen = set()
            for obj in kind.public().iterator(chunk_size=500):
                document = existing.get(str(obj.pk))
                topic_ids = sorted(topic.pk for topic in document.topics.all()) if document else None
                documents.append(_save(kind, obj, document, topic_ids) or document)
                seen.add(str(obj.pk))
            _delete([document for object_id, document in existing.items() if object_id not in seen])
            for backend in get_search_backends():
                for start in range(0, len(documents), 500):
                    backend.add_bulk(SearchDocument, documents[start : start + 500])
            counts[kind.key] = counts.get(kind.key, 0) + len(seen)
            if stdout:
                stdout.write(f"{kind.key} ({kind.model._meta.label}): {len(seen)}")
    return counts
