"""Text folding for the directory's search and sorting: search.text's Romanian normalization, under its old names."""

from search.text import fix_cedillas
from search.text import normalize as fold

__all__ = ["fix_cedillas", "fold"]
