import pytest

from tests.factories.funding import FundingIndexPageFactory


@pytest.fixture
def funding_index(home_page):
    return FundingIndexPageFactory(parent=home_page)


@pytest.fixture
def frozen_now(monkeypatch):
    """Freeze `django.utils.timezone.now` at the given aware datetime: `frozen_now(moment)`."""

    def freeze(moment):
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
        return moment

    return freeze
