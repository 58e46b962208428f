"""Text folding for diacritics-insensitive matching and sorting ("Bucuresti" finds "București")."""

import unicodedata


def fold(text):
    """Lower-case `text` without diacritics; comma-below and cedilla ș/ț both become s/t."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.casefold().split())


def fix_cedillas(text):
    """Legacy cedilla ş/ţ (common in old files) replaced by the correct comma-below ș/ț."""
    return (text or "").translate(str.maketrans("şţŞŢ", "șțȘȚ"))
