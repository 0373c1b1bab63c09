"""A general English dictionary: headwords of GCIDE (Webster's 1913) and Webster's Second.

wordfreq counts what today's web writes; it misses old, legal and formal words that a
dictionary lists ("herewith", "whereof", "behoof", "twelvemonth") and it cannot say how a
compound is spelled, since it splits words at hyphens. The ``english-words`` package ships
both word lists offline; GCIDE also lists about 4,700 hyphenated headwords made of letters ("well-known",
"self-government", "all-time"). Both are read lazily, once per process.

>>> in_dictionary("whereof"), in_dictionary("husbandmen"), in_dictionary("companiesjointly")
(True, True, False)
>>> dictionary_hyphenated("Selfgovernment"), dictionary_hyphenated("yearends"), dictionary_hyphenated("preside")
('Self-government', 'year-ends', None)
"""

from __future__ import annotations

import importlib.util
import marshal
from functools import cache, lru_cache
from pathlib import Path

from repairkit.analysis.glued.compounds import INFLECTIONS
from repairkit.analysis.wordtable import SortedWords, WordSet, cached

#: The word lists of ``english-words`` read here (lower-cased headwords).
SOURCES = ("gcide", "web2")
#: Endings besides the inflections: superlatives ("sorest") and "-most" ("northwesternmost").
ENDINGS = (*INFLECTIONS, ("est", ""), ("est", "e"), ("iest", "y"), ("most", ""))
#: A stem shorter than this is no evidence ("ins" is no inflection of "in").
MIN_STEM = 4


def _english_words_file(source: str) -> Path | None:
    """The pickled word list of ``english-words`` that :func:`_headwords` would read, if found."""
    from english_words.constants import LOWER, PROCESSED_DATA_DIR
    from english_words.util import get_data_file_name

    spec = importlib.util.find_spec("english_words")
    folder = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    path = folder / PROCESSED_DATA_DIR / get_data_file_name(source, [LOWER]) if folder else None
    return path if path is not None and path.is_file() else None


def _read_headwords(source: str) -> frozenset[str]:
    """Lower-cased headwords of one dictionary (hyphenated ones included), as ``english-words``
    gives them."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set([source], lower=True))


@cache
def _headwords(source: str) -> WordSet | frozenset[str]:
    """Lower-cased headwords of one dictionary (hyphenated ones included): a sorted table from the
    cache (:mod:`repairkit.analysis.wordtable`: a millisecond to load, where the package's
    pickled set takes 0.07-0.15 s; a set once a long document has asked thousands of words),
    or the package's set when its file is not where expected."""
    path = _english_words_file(source)
    if path is None:
        return _read_headwords(source)
    return WordSet(cached(f"english-words-{source}", [path], lambda: SortedWords.build(_read_headwords(source)),
                          SortedWords.to_bytes, SortedWords.from_bytes))


def _build_hyphenated() -> dict[str, str]:
    out: dict[str, str] = {}
    for word in sorted(_read_headwords("gcide")):  # sorted: the first spelling of a closed form wins
        if "-" in word and not word.startswith("-") and not word.endswith("-"):
            closed = word.replace("-", "")
            if closed.isalpha():
                out.setdefault(closed, word)
    return out


@cache
def _hyphenated_by_closed_form() -> dict[str, str]:
    """Hyphenated headwords made of letters only, keyed by their letters run together."""
    path = _english_words_file("gcide")
    if path is None:
        return _build_hyphenated()
    return cached("gcide-hyphenated", [path], _build_hyphenated, marshal.dumps, _load_str_dict)


def _load_str_dict(data: bytes) -> dict[str, str]:
    value = marshal.loads(data)
    if not isinstance(value, dict):
        raise ValueError("not a table")
    return value


def _forms(token: str) -> list[tuple[str, str]]:
    """``token`` lower-cased and its stems, each with the ending that was cut off."""
    lowered = token.lower()
    forms = [(lowered, "")]
    for suffix, tail in ENDINGS:
        if lowered.endswith(suffix) and len(lowered) - len(suffix) + len(tail) >= MIN_STEM:
            forms.append((lowered[:-len(suffix)] + tail, suffix))
    return forms


@lru_cache(maxsize=100_000)
def in_dictionary(token: str, sources: tuple[str, ...] = SOURCES) -> bool:
    """True when ``token``, or a regular inflection of it, is a closed headword of a dictionary.

    >>> in_dictionary("antismoking"), in_dictionary("antismoking", ("gcide",)), in_dictionary("sorest")
    (True, False, True)
    """
    forms = [form for form, _ in _forms(token)]
    return any(form in _headwords(source) for source in sources for form in forms)


@lru_cache(maxsize=100_000)
def dictionary_hyphenated(token: str) -> str | None:
    """``token`` with the hyphens of a hyphenated headword it spells (or inflects), or ``None``."""
    table = _hyphenated_by_closed_form()
    for form, _ in _forms(token):
        compound = table.get(form)
        if compound is not None:
            return hyphens_at(token, compound)
    return None


def hyphens_at(token: str, compound: str) -> str:
    """``token`` with hyphens after the letters where ``compound`` has them; case and ending kept.

    >>> hyphens_at("Yearends", "year-end"), hyphens_at("semifinalists", "semi-final"), hyphens_at("Teammate", "team-mates")
    ('Year-ends', 'semi-finalists', 'Team-mate')
    """
    cuts, letters = [], 0
    for part in compound.split("-")[:-1]:
        letters += len(part)
        cuts.append(letters)
    pieces = [token[a:b] for a, b in zip((0, *cuts), (*cuts, len(token)), strict=True)]
    return "-".join(pieces)
