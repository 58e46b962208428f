"""Romanian text for search: one normalization for documents and queries, a safe query parser, highlighting.

"ș" and "ş" (comma below and the legacy cedilla), "ȘEDINȚĂ" and "sedinta" are the same word here: `normalize`
folds case, diacritics and both spellings of ș/ț. `romanian_lower` keeps the diacritics (PostgreSQL's Romanian
stemmer needs them to see that "asociațiile" and "asociație" are one word) but unifies ș/ț and case.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

LEGACY_CEDILLAS = str.maketrans("şţŞŢ", "șțȘȚ")
# A word: letters and digits (any script); everything else (quotes, *, parentheses, -, :, ^, %) separates words.
WORD = re.compile(r"[^\W_]+")
# Words that full-text engines read as operators; a visitor typing them means no operator we support.
OPERATORS = frozenset({"and", "or", "not", "near"})
# What a query can cost, whatever is typed: the box keeps MAX_QUERY_CHARACTERS, the search uses MAX_WORDS words.
MAX_QUERY_CHARACTERS = 200
MAX_WORDS = 8
MAX_WORD_LENGTH = 40
# Words this long or longer match as prefixes ("asociat" finds "asociațiile"); shorter ones ("og", "hg") whole.
PREFIX_MIN_LENGTH = 3


def fix_cedillas(text):
    """Legacy cedilla ş/ţ (common in old files) replaced by the correct comma-below ș/ț."""
    return (text or "").translate(LEGACY_CEDILLAS)


def normalize(text):
    """Lower-case `text` without diacritics or repeated spaces; comma-below and cedilla ș/ț both become s/t."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def romanian_lower(text):
    """Lower-case `text` with its diacritics, ş/ţ written ș/ț (composed characters)."""
    return " ".join(unicodedata.normalize("NFC", fix_cedillas(text)).casefold().split())


def words(text):
    """The words of `text`, as typed (punctuation and operator characters dropped)."""
    return WORD.findall(text or "")


def indexable(text):
    """What the index stores for `text`: each word in Romanian spelling and, when it differs, without diacritics.

    Both forms let PostgreSQL's Romanian stemmer match "asociațiile" with "asociație" and "Bucuresti" with
    "București"; SQLite folds diacritics itself and only sees each word twice.
    """
    result = []
    for word in words(romanian_lower(text)):
        result.append(word)
        folded = normalize(word)
        if folded != word:
            result.append(folded)
    return " ".join(result)


@dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query: `text` as shown back in the box, `terms` the words searched (Romanian spelling)."""

    text: str
    terms: tuple

    def __bool__(self):
        return bool(self.terms)

    @property
    def folded_terms(self):
        return tuple(normalize(term) for term in self.terms)

    @property
    def search_string(self):
        """The terms for the search backend: words only, nothing a full-text engine reads as syntax."""
        return " ".join(self.terms)


def parse_query(raw):
    """The words to search for in `raw`, whatever it holds: operators, quotes, 5,000 characters, control characters."""
    text = " ".join(str(raw or "").split())
    if len(text) > MAX_QUERY_CHARACTERS:
        # Cut between words: a word cut in two would search for its first half.
        cut = text[: MAX_QUERY_CHARACTERS + 1]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_CHARACTERS]
    terms, seen = [], set()
    for word in words(romanian_lower(text)):
        word = word[:MAX_WORD_LENGTH]
        folded = normalize(word)
        if not folded or folded in OPERATORS or folded in seen:
            continue
        seen.add(folded)
        terms.append(word)
        if len(terms) == MAX_WORDS:
            break
    return ParsedQuery(text=text, terms=tuple(terms))


# Romanian inflection endings (without diacritics), longest first: "asociatiile" and "asociatie" share "asociat".
ENDINGS = sorted(
    {"urilor", "ilor", "elor", "ului", "iile", "ile", "iei", "lor", "ul", "le", "ii", "ia", "ie", "ea"}
    | {"a", "e", "i", "u"},
    key=len,
    reverse=True,
)
STEM_MIN_LENGTH = 4


def is_prefix_term(term):
    return len(term) >= PREFIX_MIN_LENGTH


def stem_prefix(term):
    """The start that a normalized word shares with its other forms, for prefix matching where the database has no
    stemmer (SQLite): "economie" → "econom" finds "economia", "asociatiile" → "asociat" finds "asociație"."""
    for ending in ENDINGS:
        if term.endswith(ending) and len(term) - len(ending) >= STEM_MIN_LENGTH:
            return term[: -len(ending)]
    return term


def word_matches(term, word):
    """Whether the document's `word` answers the query's `term` (both normalized): the same word, or a word that
    starts as the term does without its ending ("asociat", "asociațiile" and "asociație" all find each other).
    The rule of SQLite's prefix matching (search.backends), used to mark the words in results."""
    if word == term:
        return True
    return is_prefix_term(term) and word.startswith(stem_prefix(term))


def matched_terms(text, folded_terms):
    """The query terms that some word of `text` answers."""
    text_words = set(words(normalize(text)))
    return {term for term in folded_terms if any(word_matches(term, word) for word in text_words)}


def _tokens(text):
    """`text` cut into words and what lies between them, keeping every character."""
    position = 0
    for match in WORD.finditer(text):
        if match.start() > position:
            yield False, text[position : match.start()]
        yield True, match.group()
        position = match.end()
    if position < len(text):
        yield False, text[position:]


_normalize_word = functools.lru_cache(maxsize=50_000)(normalize)


def _is_match(token, folded_terms):
    folded = _normalize_word(token)
    return any(word_matches(term, folded) for term in folded_terms)


def highlight(text, folded_terms):
    """`text` escaped, with the words that answer the query wrapped in <mark>."""
    parts = []
    for is_word, token in _tokens(text or ""):
        if is_word and _is_match(token, folded_terms):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def snippet(text, folded_terms, *, length=40):
    """About `length` words of `text` around the first word that answers the query, highlighted; the text's
    beginning when no word does. Escaped, with "…" where text was left out."""
    tokens = list(_tokens(" ".join((text or "").split())))
    word_positions = [index for index, (is_word, _token) in enumerate(tokens) if is_word]
    if not word_positions:
        return mark_safe("")
    first = next(
        (number for number, index in enumerate(word_positions) if _is_match(tokens[index][1], folded_terms)),
        None,
    )
    start_word = 0 if first is None else max(0, first - length // 4)
    end_word = min(len(word_positions), start_word + length)
    start_word = max(0, min(start_word, end_word - length))
    start = 0 if start_word == 0 else word_positions[start_word]
    end = len(tokens) if end_word == len(word_positions) else word_positions[end_word]
    excerpt = "".join(token for _is_word, token in tokens[start:end]).strip()
    result = highlight(excerpt, folded_terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(f"{prefix}{result}{suffix}")  # noqa: S308 (highlight escapes the text)
