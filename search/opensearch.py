"""Search at scale: Wagtail's OpenSearch backend with Romanian text analysis, used when OPENSEARCH_URL is set.

Every text field is analysed by the index's `default` analyzer (Wagtail's mappings name no analyzer for search
fields): cedilla ş/ţ rewritten as comma-below ș/ț, words lower-cased, Romanian stop words dropped, diacritics
folded (asciifolding), then the Romanian stemmer. Folding before stemming gives "Bucuresti", "Bucureşti" and
"București" the same tokens, as on the database backends (search.text.normalize). Autocomplete keeps Wagtail's
edge n-grams, folded too; search.query.suggest sends it folded words.
"""

# Comma-below letters are the correct Romanian ones; old documents and keyboards still type the cedilla ones.
CEDILLA_TO_COMMA_BELOW = ["ş => ș", "Ş => Ș", "ţ => ț", "Ţ => Ț"]

# Merged into Wagtail's own index settings (its n-gram analyzers stay), as WAGTAILSEARCH_BACKENDS' INDEX_SETTINGS.
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {
                "romanian_comma_below": {"type": "mapping", "mappings": CEDILLA_TO_COMMA_BELOW},
            },
            "filter": {
                "romanian_stop": {"type": "stop", "stopwords": "_romanian_"},
                "romanian_stemmer": {"type": "stemmer", "language": "romanian"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "char_filter": ["romanian_comma_below"],
                    "tokenizer": "standard",
                    "filter": ["lowercase", "romanian_stop", "asciifolding", "romanian_stemmer"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "char_filter": ["romanian_comma_below"],
                    "tokenizer": "standard",
                    "filter": ["asciifolding", "lowercase", "edgengram"],
                },
            },
        }
    }
}

BACKEND = "wagtail.search.backends.opensearch3"
DEFAULT_INDEX = "bucuresti-social"


def search_backends(url, *, index=DEFAULT_INDEX):
    """WAGTAILSEARCH_BACKENDS for an OpenSearch server at `url`; each indexed model's index is named
    `<index>_<app>_<model>` (`bucuresti-social_search_searchdocument`)."""
    return {
        "default": {
            "BACKEND": BACKEND,
            "URLS": [url],
            "INDEX_PREFIX": f"{index}_",
            "TIMEOUT": 10,
            "INDEX_SETTINGS": INDEX_SETTINGS,
        }
    }
