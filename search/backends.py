"""Wagtail's database search backend (`wagtail.search.backends.database`) with Romanian matching.

Set as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends". Two changes to how a query's words match,
for every search on the site (the admin's too):

- every word of three letters or more matches as a prefix: on SQLite, which has no stemming, the word without its
  Romanian ending (search.text.stem_prefix: "economie" → "econom*" finds "economia", "asociat" finds "asociațiile");
  on PostgreSQL the stem does ("asociatiile" → "asoc:*" finds "asociație");
- on PostgreSQL each word is looked for in Romanian spelling and without diacritics, against documents indexed in
  both (search.text.indexable): the `romanian` configuration's stemmer needs the diacritics to see one word in
  "asociațiile" and "asociație", and the plain form finds "București" from "Bucuresti". (A configuration that
  strips diacritics before stemming, `unaccent` + `romanian_stem`, stems "asociatiile" to "asoc" but "asociatie"
  to "asociat", so the two never meet.) SQLite's FTS5 tokenizer folds diacritics, ş/ș and case by itself.

Autocomplete (search.query.suggest) completes every word, not only the last: "asoc zâmb" finds "Asociația Zâmbet".

Words are re-read from the query with search.text.words, so no quote or operator reaches the full-text engine.
Other databases and OpenSearch get Wagtail's own backends.
"""

from django.db import connection
from django.db.models import Q
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import PlainText

from .text import is_prefix_term, normalize, romanian_lower, stem_prefix, words


def SearchBackend(params):
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        if isinstance(backend, PostgresSearchBackend):
            backend.query_compiler_class = _postgres_compiler()
            backend.autocomplete_query_compiler_class = _postgres_compiler(autocomplete=True)
    elif connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            backend.query_compiler_class = _sqlite_compiler()
            backend.autocomplete_query_compiler_class = _sqlite_compiler(autocomplete=True)
    return backend


def _combine(lexemes, operator):
    combined = lexemes[0]
    for lexeme in lexemes[1:]:
        combined = combined & lexeme if operator == "and" else combined | lexeme
    return combined


def _sqlite_compiler(*, autocomplete=False):
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteAutocompleteQueryCompiler,
        SQLiteSearchQueryCompiler,
    )

    class RomanianSQLiteSearchQueryCompiler(
        SQLiteAutocompleteQueryCompiler if autocomplete else SQLiteSearchQueryCompiler
    ):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            terms = [normalize(word) for word in words(query.query_string)]
            if not terms:  # only punctuation or operators: Wagtail's own handling (no match, no error)
                return super().build_search_query_content(query, config=config)
            if autocomplete:
                lexemes = [Lexeme(term, prefix=True) for term in terms]
            else:
                lexemes = [
                    Lexeme(stem_prefix(term), prefix=True) if is_prefix_term(term) else Lexeme(term) for term in terms
                ]
            return SearchQueryExpression(_combine(lexemes, query.operator.lower()), config=config)

    return RomanianSQLiteSearchQueryCompiler


def _postgres_compiler(*, autocomplete=False):
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresAutocompleteQueryCompiler,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    base = PostgresAutocompleteQueryCompiler if autocomplete else PostgresSearchQueryCompiler

    class RomanianPostgresSearchQueryCompiler(base):
        def build_tsquery_content(self, query, config=None, invert=False):
            if not isinstance(query, PlainText):
                return super().build_tsquery_content(query, config=config, invert=invert)
            terms = [romanian_lower(word) for word in words(query.query_string)]
            if not terms:  # only punctuation or operators: Wagtail's own handling (no match, no error)
                return super().build_tsquery_content(query, config=config, invert=invert)
            lexemes = []
            for term in terms:
                spellings = dict.fromkeys([term, normalize(term)])
                variants = [
                    Lexeme(spelling, invert=invert, prefix=autocomplete or is_prefix_term(spelling))
                    for spelling in spellings
                ]
                # Either spelling matches; under NOT, neither may (De Morgan).
                lexemes.append(_combine(variants, "and" if invert else "or"))
            operator = query.operator.lower()
            if invert:
                operator = "or" if operator == "and" else "and"
            return SearchQuery(_combine(lexemes, operator), search_type="raw", config=config)

        def search(self, config, start, stop, score_field=None, backend=None):
            words_found = self._words_in_title_or_text(config)
            if words_found is None:
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            # The compiler answers several calls (results, count, facets): its queryset is narrowed for this one.
            queryset = self.queryset
            self.queryset = queryset.filter(words_found)
            try:
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            finally:
                self.queryset = queryset

        def _words_in_title_or_text(self, config):
            """Each word in the title or in the text, a condition the GIN indexes of both serve. Wagtail's search
            matches the two joined (title || body), which no index serves: alone, it reads every document (a
            second for 30,000); this narrows the rows first and leaves the result unchanged."""
            query = self.query
            if autocomplete or self.fields is not None or not isinstance(query, PlainText):
                return None
            conditions = []
            for term in (romanian_lower(word) for word in words(query.query_string)):
                spellings = dict.fromkeys([term, normalize(term)])
                lexeme = _combine([Lexeme(spelling, prefix=is_prefix_term(spelling)) for spelling in spellings], "or")
                word = SearchQuery(lexeme, search_type="raw", config=config)
                conditions.append(Q(index_entries__title=word) | Q(index_entries__body=word))
            if not conditions:
                return None
            return _combine(conditions, query.operator.lower())

    return RomanianPostgresSearchQueryCompiler
