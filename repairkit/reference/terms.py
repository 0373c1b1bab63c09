"""The term index of a reference: spellings of names and compounds under damage-tolerant keys.

A scrape that strips hyphens, apostrophes, digits or symbols turns "Franco-German" into
"FrancoGerman" and "Europe's" into "Europes"; both keep the same *key* (letters only, lower
case), so the damaged form finds the spelling the reference uses.

>>> from repairkit.reference.parse import parse_text
>>> art = parse_text("Notes\\n\\nThe Franco-German deal and Europe's COVID-19 plan, said Jane Doe.")
>>> [t.form for t in lookup(art.terms, "FrancoGerman")], [t.form for t in lookup(art.terms, "Europes")]
(['Franco-German'], ["Europe's"])
>>> [t.form for t in lookup(art.terms, "COVID")], [t.form for t in lookup(art.terms, "JaneDoe")]
(['COVID-19'], ['Jane Doe'])
"""

from __future__ import annotations

import re
from collections import defaultdict

from repairkit.reference.model import Article, Term

#: A token: letters/digits joined by apostrophes, hyphens, dashes, slashes or ampersands.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’\-‐‑–/&][^\W_]+)*(?:(?<=s)['’](?![^\W_]))?")
#: Most words in a run of capitalised words that counts as one multi-word name.
MAX_NAME_WORDS = 6
#: Function words dropped from the front of a capitalised run ("The Hague Court" -> "Hague Court").
_LEADING_FUNCTION_WORDS = frozenset("the a an on in at of for and by to as with from since during after before "
                                    "this that these those it its his her their our when while but".split())
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


def term_key(text: str) -> str:
    """Damage-tolerant key: letters only, case-folded (digits, punctuation, symbols, spaces dropped).

    >>> term_key("People-to-People"), term_key("Britain’s"), term_key("AT&T"), term_key("G-20 (summit)")
    ('peopletopeople', 'britains', 'att', 'gsummit')
    """
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _is_term(token: str, sentence_start: bool) -> bool:
    """Tokens whose spelling a scrape can damage, or that name something (not sentence-initial)."""
    if any(ch in token for ch in "'’-‐‑–/&"):
        return True
    has_digit = any(ch.isdigit() for ch in token)
    if has_digit:
        return any(ch.isalpha() for ch in token)
    if sum(ch.isupper() for ch in token) > 1:  # acronyms and CamelCase
        return True
    return _capitalised(token) and not sentence_start


def index_terms(art: Article) -> dict[str, list[Term]]:
    """Index the article's content blocks: key -> forms, the most frequent form first."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for block in art.content_blocks():
        tokens = list(TOKEN_RE.finditer(block.text))
        run: list[re.Match[str]] = []
        for i, m in enumerate(tokens):
            gap = block.text[tokens[i - 1].end():m.start()] if i else ""
            sentence_start = i == 0 or bool(_SENTENCE_END.search(gap))
            token = m.group()
            if _is_term(token, sentence_start):
                found[token].append((block.start + m.start(), block.start + m.end()))
            if _capitalised(token) and run and gap == " " and len(run) < MAX_NAME_WORDS:
                run.append(m)
            else:
                _add_name(found, block.start, block.text, run)
                run = [m] if _capitalised(token) else []
        _add_name(found, block.start, block.text, run)
    by_key: dict[str, list[Term]] = defaultdict(list)
    for form, occurrences in found.items():
        key = term_key(form)
        if key:
            by_key[key].append(Term(form, key, tuple(occurrences)))
    return {k: sorted(v, key=lambda t: (-len(t.occurrences), t.form)) for k, v in sorted(by_key.items())}


def _add_name(found: dict[str, list[tuple[int, int]]], offset: int, text: str, run: list[re.Match[str]]) -> None:
    """Record a run of two or more capitalised words ("Jane Doe") as one multi-word term."""
    while run and run[0].group().lower() in _LEADING_FUNCTION_WORDS:
        run = run[1:]
    for i in range(len(run) - 1):  # every sub-run too: "Chinese President Jane Doe" holds "Jane Doe"
        for j in range(i + 1, len(run)):
            start, end = run[i].start(), run[j].end()
            found[text[start:end]].append((offset + start, offset + end))

def lookup(terms: dict[str, list[Term]], damaged: str) -> list[Term]:
    """The reference's spellings for a (possibly damaged) form, most frequent first."""
    return terms.get(term_key(damaged), [])
