"""Romanian alphabetical order (a ă â b … i î … s ș t ț …) on PostgreSQL and SQLite, and in Python.

`romanian(expression)` wraps an expression for `order_by`: PostgreSQL's ICU collation "ro-RO-x-icu", or on
SQLite the "ro" collation registered on every new connection (`register`). `romanian_sort_key` sorts small
lists in Python (prefetched tags) the same way. Without it "Îngrijire" and "Șanse" come after "Vârstnici".
A column declared with `db_collation=COLUMN_COLLATION` (Topic.name) sorts in Romanian order on both databases
without asking: a migration creates it on PostgreSQL (from ICU's ro-RO), `register` on every SQLite connection.
"""

import functools
import unicodedata

from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models.functions import Collate

POSTGRESQL_COLLATION = "ro-RO-x-icu"
SQLITE_COLLATION = "ro"
# For `db_collation`: one name for every database, a plain identifier (SQLite does not quote it).
COLUMN_COLLATION = "romanian"
ALPHABET = "aăâbcdefghiîjklmnopqrsștțuvwxyz"
RANKS = {letter: rank for rank, letter in enumerate(ALPHABET)}
LEGACY_CEDILLA = str.maketrans("şţ", "șț")


def _letter_key(char):
    """Spaces, digits and punctuation first, then letters in Romanian order, other scripts last."""
    if char in RANKS:
        return (1, RANKS[char], 0)
    base = unicodedata.normalize("NFD", char)[0]
    if base in RANKS:  # é, ö, …: with their base letter, after it
        return (1, RANKS[base], ord(char))
    return (2 if char.isalpha() else 0, ord(char), 0)


def romanian_sort_key(value):
    """A key ordering strings as a Romanian dictionary does, case-insensitively (lowercase first on ties)."""
    text = str(value or "")
    folded = text.casefold().translate(LEGACY_CEDILLA)
    return (tuple(_letter_key(char) for char in folded), text.swapcase())


def _compare(left, right):
    left_key, right_key = romanian_sort_key(left), romanian_sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


def _register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _compare)
        connection.connection.create_collation(COLUMN_COLLATION, _compare)


@functools.cache
def register():
    """Give every new SQLite connection the Romanian collation (called once, from the website app's ready())."""
    connection_created.connect(_register_on_sqlite, dispatch_uid="website.collation.sqlite")


def romanian(expression):
    """`expression` (a field name or an expression) collated in Romanian order, for order_by()."""
    name = POSTGRESQL_COLLATION if connection.vendor == "postgresql" else SQLITE_COLLATION
    return Collate(expression, name)
