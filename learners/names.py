"""When a name someone picks for the leaderboard would pass for a colleague's (pure, no Django)."""

import unicodedata
from collections.abc import Iterable


def name_key(name: str) -> str:
    """The form two names are compared in: compatibility-normalised (NFKC), case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


def name_clashes(candidate: str, others: Iterable[str]) -> bool:
    """True when `candidate` reads the same as one of `others` (blank names never clash)."""
    key = name_key(candidate)
    return bool(key) and any(key == name_key(other) for other in others)
