import pytest
from django.core.cache import cache

from tests.factories.consultations import ConsultationIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation_index(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze `django.utils.timezone.now` at the given aware datetime: `frozen_now(moment)`."""

    def freeze(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        return moment

    return freeze
