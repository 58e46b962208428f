import datetime

import pytest

from resources.models import ResourceKind
from tests.factories.resources import ResourceIndexPageFactory, ResourcePageFactory


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze `django.utils.timezone.now` at the given aware datetime: `frozen_now(moment)`."""

    def freeze(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        return moment

    return freeze


def strategy(index, *, start, end, **fields):
    """A strategy in the library valid from the first of January of `start` to the 31st of December of `end`
    (years), or between the dates given."""
    if isinstance(start, int):
        start = datetime.date(start, 1, 1)
    if isinstance(end, int):
        end = datetime.date(end, 12, 31)
    fields.setdefault("year", start.year if start.year <= datetime.date.today().year else 2024)
    return ResourcePageFactory(parent=index, kind=ResourceKind.STRATEGY, valid_from=start, valid_until=end, **fields)
