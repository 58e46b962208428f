import pytest

from tests.factories.guides import GuideIndexPageFactory


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)
