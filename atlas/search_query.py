"""Turn whatever a visitor typed into a search box into text every search backend accepts.

Wagtail wraps each word of a plain-text search in double quotes for SQLite's full-text syntax without
escaping the quotes inside it, so one stray `"` gives "unterminated string"; a NUL byte ends SQLite's
string early and PostgreSQL refuses it outright. Both reached the database as a 500 before this module.
"""

import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200

# Wagtail searches the plain words (no phrase search), so quotes carry no meaning here, and a quote is the
# one character SQLite's full-text syntax cannot take inside Wagtail's quoted terms.
QUERY_SYNTAX_CHARACTERS = frozenset('"')

# Unicode categories of characters nobody types on purpose: control characters (NUL, escapes, line
# breaks other than whitespace) and lone surrogates, which cannot even be encoded as UTF-8.
UNSEARCHABLE_CATEGORIES = frozenset({"Cc", "Cs"})

NOTE_SHORTENED = f"The search was shortened to its first {MAX_QUERY_LENGTH} characters."
NOTE_DROPPED = "Quotation marks and control characters were left out of the search."
NOTE_NOTHING_LEFT = "Nothing was left to search for: type a word, such as “haematoma”."


@dataclass(frozen=True)
class SearchQuery:
    text: str
    notes: tuple[str, ...] = ()


def _searchable(character: str) -> bool:
    if character.isspace():
        return True
    return (
        character not in QUERY_SYNTAX_CHARACTERS
        and unicodedata.category(character) not in UNSEARCHABLE_CATEGORIES
    )


def search_query_clean(raw: str | None) -> SearchQuery:
    """Clean a typed query: unsearchable characters become spaces, runs of whitespace one space, and the
    result is cut to MAX_QUERY_LENGTH characters; the notes tell the visitor what changed. None is ''."""
    raw = raw or ""
    kept = "".join(c if _searchable(c) else " " for c in raw)
    text = " ".join(kept.split())
    notes = []
    dropped = kept != raw
    if dropped:
        notes.append(NOTE_DROPPED)
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rstrip()
        notes.append(NOTE_SHORTENED)
    if dropped and not text:
        notes.append(NOTE_NOTHING_LEFT)
    return SearchQuery(text=text, notes=tuple(notes))
