"""Issue #11, point 6: with OPENSEARCH_URL, Wagtail's OpenSearch backend with a Romanian analyzer and ASCII folding.

The settings are checked always; the analysis itself when an OpenSearch server answers at OPENSEARCH_URL
(e.g. `OPENSEARCH_URL=http://127.0.0.1:9200 pytest tests/search/test_opensearch.py`).
"""

import importlib
import os
import runpy
import uuid
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from search.models import SearchDocument
from search.opensearch import INDEX_SETTINGS, search_backends

PRODUCTION_ENV = {
    "SECRET_KEY": "test-only-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGH",
    "ALLOWED_HOSTS": "bucuresti-social.example",
    "DATABASE_URL": "sqlite:////tmp/bss-production-check-never-created.sqlite3",
    "EMAIL_URL": "smtp://localhost:25",
    "WAGTAILADMIN_BASE_URL": "https://bucuresti-social.example",
}


def production_settings(monkeypatch, **env):
    """The names website.settings.production defines under `env` (read afresh, not Django's loaded settings)."""
    for name in ("OPENSEARCH_URL", "OPENSEARCH_INDEX", "AWS_STORAGE_BUCKET_NAME", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION_ENV, **env}.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module("website.settings.production", run_name="website.settings.production_under_test")


def test_production_uses_opensearch_with_romanian_analysis_when_configured(monkeypatch):
    values = production_settings(monkeypatch, OPENSEARCH_URL="https://search.internal:9200", OPENSEARCH_INDEX="bss")
    config = values["WAGTAILSEARCH_BACKENDS"]["default"]
    assert config["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert config["URLS"] == ["https://search.internal:9200"]
    assert config["INDEX_PREFIX"] == "bss_"
    assert config["INDEX_SETTINGS"] is INDEX_SETTINGS

    # The backend Wagtail builds from it (no connection is made until it is used) keeps Wagtail's n-gram analyzers
    # and adds ours; text fields get the index's `default` analyzer.
    backend = importlib.import_module(config["BACKEND"]).SearchBackend({**config})
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"]["filter"] == [
        "lowercase",
        "romanian_stop",
        "asciifolding",
        "romanian_stemmer",
    ]
    assert analysis["analyzer"]["default"]["char_filter"] == ["romanian_comma_below"]
    assert analysis["char_filter"]["romanian_comma_below"]["mappings"] == ["ş => ș", "Ş => Ș", "ţ => ț", "Ţ => Ț"]
    assert analysis["filter"]["romanian_stemmer"] == {"type": "stemmer", "language": "romanian"}
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert "ngram_analyzer" in analysis["analyzer"]
    assert backend.get_index_for_model(SearchDocument).name == "bss_search_searchdocument"


def test_without_opensearch_the_database_backend_with_romanian_matching(monkeypatch):
    values = production_settings(monkeypatch)
    assert values["WAGTAILSEARCH_BACKENDS"] == {"default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "romanian"}}
    assert search_backends("http://127.0.0.1:9200")["default"]["INDEX_PREFIX"] == "bucuresti-social_"


def opensearch_url():
    url = os.environ.get("OPENSEARCH_URL")
    if not url:
        return None
    try:
        with urlopen(url, timeout=2) as response:  # noqa: S310 (the tester's own server)
            return url if response.status == 200 else None
    except (URLError, OSError, ValueError):
        return None


@pytest.fixture
def opensearch_backend():
    url = opensearch_url()
    if url is None:
        pytest.skip("No OpenSearch server answers at OPENSEARCH_URL.")
    config = search_backends(url, index=f"bss-test-{uuid.uuid4().hex[:8]}")["default"]
    backend = importlib.import_module(config["BACKEND"]).SearchBackend({**config})
    index = backend.get_index_for_model(SearchDocument)
    index.put()  # as `update_index` creates it: Wagtail's settings with ours merged in
    yield backend, index
    index.delete()


def analyze(backend, index, text, analyzer="default"):
    result = backend.es.indices.analyze(index=index.name, body={"analyzer": analyzer, "text": text})
    return [token["token"] for token in result["tokens"]]


def test_both_spellings_and_no_diacritics_analyze_to_the_same_tokens(opensearch_backend):
    backend, index = opensearch_backend
    tokens = analyze(backend, index, "București")
    assert tokens
    assert analyze(backend, index, "Bucureşti") == tokens  # legacy cedilla
    assert analyze(backend, index, "Bucuresti") == tokens
    assert analyze(backend, index, "BUCUREȘTI") == tokens
    assert (
        analyze(backend, index, "ŞEDINŢĂ") == analyze(backend, index, "sedinta") == analyze(backend, index, "ședință")
    )
    # Words are stemmed: one token each, whatever the spelling.
    assert analyze(backend, index, "asociației") == analyze(backend, index, "asociatiei")
    assert len(analyze(backend, index, "organizațiile sociale")) == 2
    # Autocomplete's edge n-grams are folded too.
    assert "bucu" in analyze(backend, index, "Bucureşti", analyzer="edgengram_analyzer")
