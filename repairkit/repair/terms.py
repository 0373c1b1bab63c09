"""Term spellings: a damaged token whose damage-tolerant key matches a reference term.

"Wellknown" and "Pacificbased" lost their hyphens; when a reference writes the same
letters as "Well-known", its own form is the repair. Tokens that an aligned reference
passage already covers are left to the alignment (it knows whether the token is intact).

>>> from repairkit.reference.model import Article, Block, Term
>>> ref = Article("r.txt", "The Franco-German region.", "0" * 64, None, None,
...               [Block("paragraph", 0, 25, "The Franco-German region.")], [],
...               {"francogerman": [Term("Franco-German", "francogerman", ((4, 17),))]})
>>> [(s.suggestion.replacement, s.category) for s in term_sites("Trade in the FrancoGerman zone grew", ref)]
[('Franco-German', 'missing-hyphen')]

A token that is a word of its own is left alone unless the document shows it lost what the
reference's spelling has: a name whose reference form carries digits ("Blink" for "Blink-182")
in a text with no digit at all, or a plural before a name's next word that the reference writes
as a plural possessive ("the Farmers Union" for "Farmers' Union") in a text with no apostrophe
at all.

>>> from repairkit.reference.parse import parse_text
>>> ref = parse_text("Notes\\n\\nThe Blink-182 tour reached the Farmers' Union hall.")
>>> [(s.suggestion.replacement, s.suggestion.applicability.name) for s in term_sites("Then Blink played. The Farmers Union met", ref)]
[('Blink-182', 'MANUAL'), ("Farmers'", 'UNSAFE')]
>>> term_sites("Then Blink played in 2020. The Farmers Union met, it's said", ref)
[]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from repairkit.lexicon import zipf
from repairkit.model import Applicability, Evidence, Span, Suggestion
from repairkit.reference.model import Article, Term
from repairkit.reference.terms import term_key
from repairkit.repair.aligned import Site, added_characters, lost_category, only_restores, segments_for

#: A damaged token: letters and digits with any inner marks that survived.
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: Confidence of a term repair: one spelling used several times, used once, or competing spellings.
CONF_SURE, CONF_ONCE, CONF_SPLIT = 0.85, 0.8, 0.45
#: A form ending in an apostrophe ("firms'") collides with the plain plural: never proposed.
_APOSTROPHES = "'’"
#: Shorter keys ("th" of "30th") say nothing about which term it was.
MIN_TERM_LETTERS = 3
#: A damaged token that is itself this common a word may be right as it is ("its", "customers").
COMMON_WORD_ZIPF = 3.0
#: Confidence of a name that is a word as written ("Blink"), in a text that lost its digits: an
#: editor decides (manual); the reference's spelling and the text's lost class are the evidence.
CONF_LOST_CLASS = 0.55
#: A plural before a name's next word ("Farmers Union") that the reference writes as a possessive.
CONF_NAME_POSSESSIVE = CONF_ONCE
#: The word after a plural, as the possessive name's next word: "Farmers Union".
_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+)")


def _choose(token: str, forms: Sequence[Term]) -> tuple[Term, float] | None:
    """The reference form that restores ``token``, and its confidence."""
    if zipf(token) >= COMMON_WORD_ZIPF or any(t.form == token for t in forms):
        return None  # the token as written is a word, or a spelling the reference uses itself
    fitting = [t for t in forms if only_restores(token, t.form) and t.form[-1:] not in _APOSTROPHES]
    if not fitting:
        return None
    fitting.sort(key=lambda t: -len(t.occurrences))
    if len({t.form for t in fitting}) > 1:
        conf = CONF_SPLIT
    else:
        conf = CONF_SURE if len(fitting[0].occurrences) > 1 else CONF_ONCE
    return fitting[0], conf


def _lost_class(chars: frozenset[str], token: str, forms: Sequence[Term]) -> tuple[Term, float] | None:
    """A word-like token ("Blink") whose one reference form adds digits the whole text (its ``chars``) never has."""
    if not token[:1].isupper() or any(t.form == token for t in forms) or any(ch.isdigit() for ch in chars):
        return None
    fitting = {t.form: t for t in forms if only_restores(token, t.form) and t.form[-1:] not in _APOSTROPHES}
    if len(fitting) != 1:
        return None
    term = next(iter(fitting.values()))
    added = added_characters(token, term.form)
    if not any(ch.isdigit() for ch in added) or any(ch in chars for ch in added if not ch.isdigit()):
        return None
    return term, CONF_LOST_CLASS


def _name_possessive(doc: str, chars: frozenset[str], m: re.Match[str], ref: Article) -> tuple[Term, str] | None:
    """A plural before a capitalised word ("Farmers Union") that the reference writes "Farmers' Union"."""
    token = m.group()
    if not token.endswith("s") or not token[:1].isupper() or any(c in chars for c in _APOSTROPHES):
        return None
    nxt = _NEXT_NAME_WORD.match(doc, m.end())
    if not nxt:
        return None
    for term in ref.terms.get(term_key(token + nxt.group(1)), ()):
        for mark in _APOSTROPHES:
            if term.form == f"{token}{mark} {nxt.group(1)}":
                return term, token + mark
    return None


def term_sites(doc: str, ref: Article) -> list[Site]:
    """Tokens outside the aligned passages that a reference term restores."""
    if not ref.terms:
        return []
    covered = _merged(sorted((s.start, s.end) for s in segments_for(doc, ref)))
    starts = [start for start, _ in covered]
    chars = frozenset(doc)  # the classes the text has at all, read once
    sites: list[Site] = []
    for m in _TOKEN_RE.finditer(doc):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < covered[k][1]:
            continue  # inside an aligned passage: the alignment knows whether the token is intact
        if (possessive := _name_possessive(doc, chars, m, ref)) is not None:
            sites.append(_possessive_site(m, ref, *possessive))
            continue
        key = term_key(m.group())
        forms = ref.terms.get(key) if len(key) >= MIN_TERM_LETTERS else None
        if not forms:
            continue
        chosen = _choose(m.group(), forms) or _lost_class(chars, m.group(), forms)
        if chosen is None:
            continue
        term, conf = chosen
        category = lost_category(m.group(), term.form)
        if category is None:
            continue
        start, end = term.occurrences[0]
        others = f" ({len(forms)} spellings in the reference)" if len(forms) > 1 else ""
        note = (f"The reference writes '{term.form}' {len(term.occurrences)} time(s){others}; "
                "this token has the same letters without its marks"
                + (", and this text has no digit anywhere (it lost them); check the name is the same."
                   if conf == CONF_LOST_CLASS else "."))
        suggestion = Suggestion(Span(m.start(), m.end()), term.form, conf,
                                Applicability.MANUAL if conf < 0.6 else Applicability.UNSAFE,
                                note, (Evidence(ref.path, start, end, ref.text[start:end]),), "reference-term")
        sites.append(Site(Span(m.start(), m.end()), category,
                          f"the reference spells this '{term.form}'", suggestion))
    return sites


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ``[start, end)`` spans joined where they overlap."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _possessive_site(m: re.Match[str], ref: Article, term: Term, repaired: str) -> Site:
    start, end = term.occurrences[0]
    note = (f"The reference writes the name '{term.form}' {len(term.occurrences)} time(s); this text has "
            "no apostrophe anywhere (it lost them).")
    suggestion = Suggestion(Span(m.start(), m.end()), repaired, CONF_NAME_POSSESSIVE, Applicability.UNSAFE, note,
                            (Evidence(ref.path, start, end, ref.text[start:end]),), "reference-term")
    return Site(Span(m.start(), m.end()), "missing-apostrophe", f"the reference spells this name '{term.form}'",
                suggestion)
