"""Damage simulator: strip clean text the way a bad scraper does, and record the exact truth.

Seed damage (the ``"seed"`` profile) is what the seed commentary's scraper did: it kept only
``[A-Za-z ,.]`` and whitespace and took every other character (digits, apostrophes, quotes,
hyphens and dashes, ``: ; ? !``, brackets, every symbol, and letters outside ASCII: ``"café"``
becomes ``"caf"``, as that scraper's character class would leave it), and it merged paragraphs
into one line. Whatever stripping leaves stays: ``"$1.5bn"`` becomes ``".bn"``, ``"in 2020,"``
becomes ``"in ,"`` and ``"5%"`` vanishes, leaving a doubled space.

>>> d = damage("Japan's $1.5bn deal: up 5% (in 2020)?\\n\\nIt was year-on-year!")
>>> d.text
'Japans .bn deal up  in  It was yearonyear'
>>> [(s.kind, s.category, s.damaged, s.removed) for s in d.sites][:4]
[('apostrophe', 'missing-apostrophe', 'Japans', "'"), ('digit', 'missing-number', '.bn', '$15'), ('colon', 'stray-punctuation', 'deal', ':'), ('digit', 'missing-number', '', '5%')]
>>> d.to_clean_offset(d.text.index("It"))
39

Tokens are runs of non-space characters. In the seed profile a token that lost several classes
is **one** :class:`Site`, under its most telling class (:data:`SEED_PRIORITY`: numbers first),
with every class it lost in ``Site.lost``: ``"(2020)?"`` is one missing number that also lost
brackets and a question mark.

The ``"listed"`` profile is the milder mix the benchmarks used before: every digit, apostrophe,
hyphen, quote, ``$ % @ / &`` and bracket at once, paragraphs merged, but ``: ; ? !``, en and
em dashes, ``£`` and the other symbols kept. There, each damage class removed from a token is
one site; a token that lost several classes (``"'1990s'"``) yields one site per class, all with
the token's span. ``$``/``%`` in a token with digits, and ``-``/``/`` next to a
digit, belong with the digits when both are stripped (``"$5"``, ``"2004-05"`` are missing
numbers, not missing symbols). A spaced dash ``" - "`` is kind ``dash``, category
``stray-punctuation``: its loss leaves a doubled space, not a glued word.

Mojibake (the ``"mojibake"`` profile) needs non-ASCII text, and the corpus has only ``£``.
So the simulator first makes a typographic copy (curly quotes and apostrophes, en dashes for
spaced dashes, accents on a few loan words and names: :func:`typographic`); that copy is
``Damaged.clean``. Then it re-decodes a ``rate`` share of the tokens holding non-ASCII
characters as UTF-8 bytes read as Windows-1252 (``"£"`` -> ``"Â£"``, ``"’"`` -> ``"â€™"``);
the site's ``removed`` holds the non-ASCII characters that were garbled.
"""

from __future__ import annotations

import json
import os
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from repairkit.document import OffsetMap

#: The corpus of clean news articles (override with ``REPAIRKIT_CORPUS``).
DEFAULT_CORPUS = Path("/work/shared/corpus/news.jsonl")

#: Damage class -> repairkit category (``model.CATEGORIES``). There is no category for a lost
#: colon, semicolon, question or exclamation mark, ellipsis or dash: they count as
#: ``stray-punctuation`` (what they leave is a doubled space or a run-on clause), and a lost
#: letter outside ASCII (``"café"`` -> ``"caf"``) as ``encoding`` (the scraper's character set).
CATEGORY_OF: dict[str, str] = {
    "digit": "missing-number",
    "apostrophe": "missing-apostrophe",
    "hyphen": "missing-hyphen",
    "dash": "stray-punctuation",
    "quote": "missing-quote",
    "dollar": "missing-symbol",
    "percent": "missing-symbol",
    "at": "missing-symbol",
    "slash": "missing-symbol",
    "ampersand": "missing-symbol",
    "bracket": "missing-bracket",
    "paragraph": "lost-structure",
    "mojibake": "encoding",
    # classes only the exact seed profile strips
    "letter": "encoding",
    "pound": "missing-symbol",
    "euro": "missing-symbol",
    "currency": "missing-symbol",
    "hash": "missing-symbol",
    "symbol": "missing-symbol",
    "colon": "stray-punctuation",
    "semicolon": "stray-punctuation",
    "question": "stray-punctuation",
    "exclamation": "stray-punctuation",
    "ellipsis": "stray-punctuation",
    "en-dash": "stray-punctuation",
    "em-dash": "stray-punctuation",
}
KINDS: tuple[str, ...] = tuple(CATEGORY_OF)
#: Classes the listed profiles remove character by character from a token.
STRIP_KINDS: tuple[str, ...] = ("digit", "apostrophe", "hyphen", "dash", "quote", "dollar", "percent", "at",
                                "slash", "ampersand", "bracket")
#: Every class the seed profile strips, most telling first: a token that lost several is one
#: site under the first of them (a number before anything else; then a broken word, since a
#: lost letter, apostrophe or hyphen changes the word itself; then symbols, brackets and
#: quotes; then the marks between words).
SEED_PRIORITY: tuple[str, ...] = (
    "digit", "letter", "apostrophe", "hyphen", "dollar", "pound", "euro", "currency", "percent", "at", "slash",
    "ampersand", "hash", "symbol", "bracket", "quote", "colon", "semicolon", "question", "exclamation",
    "ellipsis", "dash", "en-dash", "em-dash")
#: The characters the seed's scraper kept (and whitespace).
SEED_KEPT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ,.")
_SYMBOL_KIND = {"$": "dollar", "%": "percent", "@": "at", "/": "slash", "&": "ampersand"}
_MARK_KIND = {":": "colon", ";": "semicolon", "?": "question", "!": "exclamation", "…": "ellipsis",
              "£": "pound", "€": "euro", "#": "hash", "–": "en-dash", "—": "em-dash",
              "„": "quote", "‚": "quote"}  # low-9 quotation marks are Unicode "open" punctuation
_DIGITS = frozenset("0123456789")
_TOKEN_RE = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Profile:
    """A named mix of damage classes; ``one_site_per_token``: a token's losses are one site."""

    name: str
    kinds: frozenset[str]
    description: str
    one_site_per_token: bool = False


#: Profiles that strip everything they strip at once (the benchmarks run them at rate 1.0).
FULL_PROFILES: tuple[str, ...] = ("seed", "listed")

PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile("seed", frozenset(SEED_PRIORITY) | {"paragraph"},
                "the seed's scraper exactly: only [A-Za-z ,.] and whitespace kept, paragraphs merged; "
                "one site per token", one_site_per_token=True),
        Profile("listed", frozenset(STRIP_KINDS) | {"paragraph"},
                "digits, apostrophes, hyphens, dashes, quotes, $ % @ / & and brackets at once, paragraphs "
                "merged; keeps : ; ? ! and other marks (the benchmarks' seed profile until issue 15)"),
        Profile("digits", frozenset({"digit"}), "digits only (with $ and % when alone they stay)"),
        Profile("apostrophes", frozenset({"apostrophe"}), "apostrophes only"),
        Profile("hyphens", frozenset({"hyphen", "dash"}), "hyphens inside words and spaced dashes"),
        Profile("quotes", frozenset({"quote"}), "double quotes and single quotation marks"),
        Profile("symbols", frozenset({"dollar", "percent", "at", "slash", "ampersand"}), "$ % @ / &"),
        Profile("brackets", frozenset({"bracket"}), "brackets ()[]{}"),
        Profile("paragraphs", frozenset({"paragraph"}), "paragraph breaks merged into one space"),
        Profile("mojibake", frozenset({"mojibake"}),
                "UTF-8 read as Windows-1252, on a typographic copy of the text"),
    )
}


@dataclass(frozen=True)
class Site:
    """One damaged place, with exact truth: spans in the damaged and in the clean text."""

    kind: str
    category: str
    start: int
    end: int
    orig_start: int
    orig_end: int
    original: str
    damaged: str
    removed: str
    #: Every class the token lost, most telling first (seed profile); else just ``kind``.
    lost: tuple[str, ...] = ()


@dataclass(frozen=True)
class Damaged:
    """A clean text, its damaged version and every damaged site (sorted by position)."""

    clean: str
    text: str
    sites: tuple[Site, ...]

    @cached_property
    def _offset_map(self) -> OffsetMap:
        pieces: list[tuple[int, int] | tuple[int, int, str]] = []
        pos = 0
        for site in _distinct_tokens(self.sites):
            pieces.append((pos, site.orig_start))
            pieces.extend(_token_pieces(site))
            pos = site.orig_end
        pieces.append((pos, len(self.clean)))
        offset_map = OffsetMap.build(self.clean, pieces)
        if offset_map.view != self.text:
            raise ValueError("sites do not describe how the clean text became the damaged text")
        return offset_map

    def to_clean_offset(self, i: int) -> int:
        """Map a damaged-text offset to the clean text.

        An offset on a surviving character maps to that character; an offset where
        characters were deleted maps past them; inside a replaced stretch (a merged
        paragraph, a mojibake token) it maps to the stretch's start.

        >>> d = damage("a-b c", "hyphens")
        >>> d.text, d.to_clean_offset(1), d.to_clean_offset(3)
        ('ab c', 2, 4)
        """
        if not 0 <= i <= len(self.text):
            raise ValueError(f"offset {i} outside 0..{len(self.text)}")
        return self._offset_map.to_original(i)


def _distinct_tokens(sites: tuple[Site, ...]) -> Iterator[Site]:
    """One site per damaged token (the sites of one token are adjacent and share its spans)."""
    last: int | None = None
    for site in sites:
        if site.orig_start != last:
            last = site.orig_start
            yield site


def _token_pieces(site: Site) -> list[tuple[int, int] | tuple[int, int, str]]:
    """Character-level pieces when the damaged token is the original minus some characters."""
    if site.kind in ("paragraph", "mojibake"):
        return [(site.orig_start, site.orig_end, site.damaged)]
    pieces: list[tuple[int, int] | tuple[int, int, str]] = []
    k = 0
    for j, ch in enumerate(site.original):
        at = site.orig_start + j
        if k < len(site.damaged) and site.damaged[k] == ch:
            pieces.append((at, at + 1))
            k += 1
        else:
            pieces.append((at, at + 1, ""))
    if k != len(site.damaged):
        return [(site.orig_start, site.orig_end, site.damaged)]
    return pieces


def classify(token: str) -> list[str | None]:
    """The damage class of each character of a token (``None``: never stripped).

    >>> classify("'Bush's'")
    ['quote', None, None, None, None, 'apostrophe', None, 'quote']
    >>> classify("mid-2004")[3], classify("-"), classify("war--it")[3:5]
    ('hyphen', ['dash'], ['dash', 'dash'])

    Two or more hyphen-minus signs in a row are a dash typed in ASCII ("war--it"), not a hyphen.
    """
    if token and set(token) <= set("-–—"):
        return ["dash" if ch == "-" else None for ch in token]
    opens_quote = token[:1] in "'‘\"“"
    kinds: list[str | None] = []
    for j, ch in enumerate(token):
        prev = token[j - 1] if j else ""
        nxt = token[j + 1] if j + 1 < len(token) else ""
        if ch in _DIGITS:
            kinds.append("digit")
        elif ch in "'’":
            inner = prev.isalnum() and nxt.isalnum()
            plural_possessive = prev in "sS" and j > 1 and not nxt.isalnum() and not opens_quote
            decade = j == 0 and token[1:3].isdigit()
            kinds.append("apostrophe" if inner or plural_possessive or decade else "quote")
        elif ch in "\"“”‘":
            kinds.append("quote")
        elif ch == "-":
            kinds.append("dash" if "-" in (prev, nxt) else "hyphen")
        elif ch in _SYMBOL_KIND:
            kinds.append(_SYMBOL_KIND[ch])
        elif ch in "()[]{}":
            kinds.append("bracket")
        else:
            kinds.append(None)
    return kinds


def classify_seed(token: str) -> list[str | None]:
    """The seed profile's class of each character (``None``: kept, one of ``[A-Za-z ,.]``).

    The listed classes are read as :func:`classify` reads them; every other character gets a
    class of its own (:data:`SEED_PRIORITY`).

    >>> classify_seed("said:"), classify_seed("–")
    ([None, None, None, None, 'colon'], ['en-dash'])
    >>> classify_seed("café’s?")
    [None, None, None, 'letter', 'apostrophe', None, 'question']
    """
    kinds = classify(token)
    out: list[str | None] = []
    for j, (ch, kind) in enumerate(zip(token, kinds, strict=True)):
        if kind is None and ch not in SEED_KEPT:
            kind = _seed_class(ch, token[j - 1:j], token[j + 1:j + 2])
        out.append(kind)
    return out


def _seed_class(ch: str, prev: str, nxt: str) -> str:
    """The class of a character :func:`classify` leaves alone and the seed's scraper took."""
    if ch in _MARK_KIND:
        return _MARK_KIND[ch]
    category = unicodedata.category(ch)
    if category[0] == "L":
        return "letter"
    if category[0] == "N":
        return "digit"
    if category == "Sc":
        return "currency"
    if category in ("Pi", "Pf"):
        return "quote"
    if category in ("Ps", "Pe"):
        return "bracket"
    if category == "Pd":  # other dashes (U+2010 hyphen, U+2011 non-breaking hyphen, ...)
        return "hyphen" if prev.isalnum() and nxt.isalnum() else "dash"
    return "symbol"


def _strip_token_seed(token: str, kinds_on: frozenset[str], rng: random.Random, rate: float
                      ) -> tuple[str, str | None, str, tuple[str, ...]]:
    """Damage one token the seed's way: damaged token, site kind, removed characters, classes lost."""
    kinds = classify_seed(token)
    present = [k for k in SEED_PRIORITY if k in kinds and k in kinds_on]
    stripped = {k for k in present if rng.random() < rate}
    if not stripped:
        return token, None, "", ()
    kept = "".join(ch for ch, k in zip(token, kinds, strict=True) if k not in stripped)
    removed = "".join(ch for ch, k in zip(token, kinds, strict=True) if k in stripped)
    lost = tuple(k for k in present if k in stripped)
    return kept, lost[0], removed, lost


def _site_kinds(token: str, kinds: list[str | None], stripped: set[str]) -> list[str | None]:
    """Which site each stripped character belongs to; symbols of a number join the digits."""
    has_digit = "digit" in stripped and any(k == "digit" for k in kinds)
    out: list[str | None] = []
    for j, kind in enumerate(kinds):
        if kind is None or kind not in stripped:
            out.append(None)
            continue
        near_digit = token[j - 1:j] in _DIGITS or token[j + 1:j + 2] in _DIGITS
        numeric = kind in ("dollar", "percent") or (kind in ("hyphen", "slash") and near_digit)
        out.append("digit" if has_digit and numeric else kind)
    return out


def _strip_token(token: str, kinds_on: frozenset[str], rng: random.Random, rate: float
                 ) -> tuple[str, dict[str, str]]:
    """Damage one token: the damaged token and, per site kind, the characters removed."""
    kinds = classify(token)
    present = [k for k in STRIP_KINDS if k in kinds and k in kinds_on]
    stripped = {k for k in present if rng.random() < rate}
    if not stripped:
        return token, {}
    kept: list[str] = []
    removed: dict[str, str] = {}
    for ch, site_kind in zip(token, _site_kinds(token, kinds, stripped), strict=True):
        if site_kind is None:
            kept.append(ch)
        else:
            removed[site_kind] = removed.get(site_kind, "") + ch
    return "".join(kept), {k: removed[k] for k in KINDS if k in removed}


def sloppy_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1).

    >>> sloppy_cp1252("£5 – it’s")
    'Â£5 â€“ itâ€™s'
    """
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))


#: Loan words and names that are often written with accents (whole words only).
_ACCENTED = {"cafe": "café", "cafes": "cafés", "cliche": "cliché", "fiance": "fiancé",
             "fiancee": "fiancée", "protege": "protégé", "decor": "décor", "Jose": "José",
             "Pele": "Pelé", "Beyonce": "Beyoncé", "resume": "résumé", "naive": "naïve"}
_ACCENT_RE = re.compile(r"\b(" + "|".join(_ACCENTED) + r")\b")


def typographic(text: str) -> str:
    """A typographic copy: curly quotes and apostrophes, en dashes, accented loan words.

    Every code point maps to one code point, so offsets are the same in both texts.

    >>> typographic("\\"It's a cafe - 'new'\\"")
    '“It’s a café – ‘new’”'
    """
    out = []
    for j, ch in enumerate(text):
        prev = text[j - 1] if j else " "
        opening = prev.isspace() or prev in "([{" or (prev in "'\"" and out[-1] in "“‘")
        if ch == "'":
            ch = "‘" if opening and not text[j + 1:j + 3].isdigit() else "’"
        elif ch == '"':
            ch = "“" if opening else "”"
        elif ch == "-" and prev == " " and text[j + 1:j + 2] in (" ", "\n", ""):
            ch = "–"
        out.append(ch)
    return _ACCENT_RE.sub(lambda m: _ACCENTED[m.group()], "".join(out))


def damage(text: str, profile: str = "seed", rate: float = 1.0, seed: int = 0) -> Damaged:
    """Damage ``text`` with a profile; ``rate`` is the share of eligible tokens damaged.

    Each damage class of each token (and each paragraph break) is drawn separately, so at
    ``rate=0.5`` about half of the apostrophes and half of the numbers go. Deterministic
    for a given ``seed``; ``rate=0`` changes nothing.

    >>> damage("It's a well-known fact.", "apostrophes").text
    'Its a well-known fact.'
    >>> damage("One.\\n\\nTwo.", "paragraphs").sites[0].original
    '\\n\\n'
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r} (choose from {', '.join(PROFILES)})")
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate {rate} outside [0, 1]")
    kinds_on = PROFILES[profile].kinds
    clean = typographic(text) if "mojibake" in kinds_on else text
    rng = random.Random(seed)
    out: list[str] = []
    sites: list[Site] = []
    pos = 0
    for m in _TOKEN_RE.finditer(clean):
        token = m.group()
        lost: tuple[str, ...] | None = None
        if token.isspace():
            damaged, removed = _damage_space(token, kinds_on, rng, rate)
        elif "mojibake" in kinds_on:
            damaged, removed = _damage_encoding(token, rng, rate)
        elif PROFILES[profile].one_site_per_token:
            damaged, kind, chars, lost = _strip_token_seed(token, kinds_on, rng, rate)
            removed = {kind: chars} if kind else {}
        else:
            damaged, removed = _strip_token(token, kinds_on, rng, rate)
        for kind, chars in removed.items():
            sites.append(Site(kind, CATEGORY_OF[kind], pos, pos + len(damaged), m.start(), m.end(),
                              token, damaged, chars, lost or (kind,)))
        out.append(damaged)
        pos += len(damaged)
    return Damaged(clean, "".join(out), tuple(sites))


def _damage_space(space: str, kinds_on: frozenset[str], rng: random.Random, rate: float
                  ) -> tuple[str, dict[str, str]]:
    if "paragraph" in kinds_on and "\n" in space and rng.random() < rate:
        return " ", {"paragraph": space}
    return space, {}


def _damage_encoding(token: str, rng: random.Random, rate: float) -> tuple[str, dict[str, str]]:
    if token.isascii() or not rng.random() < rate:
        return token, {}
    return sloppy_cp1252(token), {"mojibake": "".join(ch for ch in token if not ch.isascii())}


def load_corpus(path: str | os.PathLike[str] | None = None, limit: int | None = None) -> list[dict[str, str]]:
    """Read the JSONL news corpus (``{id, title, text, source}`` per line), optionally the first ``limit``."""
    source = Path(path or os.environ.get("REPAIRKIT_CORPUS", DEFAULT_CORPUS))
    articles: list[dict[str, str]] = []
    with source.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(articles) >= limit:
                break
            if not line.strip():
                continue
            try:
                article = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{source}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(article, dict) or not isinstance(article.get("text"), str):
                raise ValueError(f"{source}:{number}: expected an object with a \"text\" string")
            articles.append(article)
    return articles
