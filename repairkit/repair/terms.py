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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repairkit.lexicon import zipf
from repairkit.model import Applicability, Evidence, Span, Suggestion
from repairkit.reference.model import Article, Term
from repairkit.reference.terms import term_key
from repairkit.repair.aligned import Site, lost_category, only_restores, segments_for

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


def term_sites(doc: str, ref: Article) -> list[Site]:
    """Tokens outside the aligned passages that a reference term restores."""
    if not ref.terms:
        return []
    covered = [(s.start, s.end) for s in segments_for(doc, ref)]
    sites: list[Site] = []
    for m in _TOKEN_RE.finditer(doc):
        key = term_key(m.group())
        forms = ref.terms.get(key) if len(key) >= MIN_TERM_LETTERS else None
        if not forms or any(s <= m.start() < e for s, e in covered):
            continue
        chosen = _choose(m.group(), forms)
        if chosen is None:
            continue
        term, conf = chosen
        category = lost_category(m.group(), term.form)
        if category is None:
            continue
        start, end = term.occurrences[0]
        others = f" ({len(forms)} spellings in the reference)" if len(forms) > 1 else ""
        note = (f"The reference writes '{term.form}' {len(term.occurrences)} time(s){others}; "
                "this token has the same letters without its marks.")
        suggestion = Suggestion(Span(m.start(), m.end()), term.form, conf,
                                Applicability.MANUAL if conf < 0.6 else Applicability.UNSAFE,
                                note, (Evidence(ref.path, start, end, ref.text[start:end]),), "reference-term")
        sites.append(Site(Span(m.start(), m.end()), category,
                          f"the reference spells this '{term.form}'", suggestion))
    return sites
