"""Glued tokens: one verdict per token, shared by the hyphen (RK3) and spacing (RK4) families.

A token whose letters are not a word but cut into words lost a hyphen or a space. Which
one is decided by evidence, once, so a token gets one finding only:

* the hyphenated form is attested (shipped list of compounds) or starts with a productive
  prefix -> a dropped hyphen ("monthonmonth", "postmerger", "AngloDutch");
* a proper name glued to an acronym ("EuropeUN") -> a dropped hyphen, less sure;
* two common words ("companiesjointly", "marketYesterday", "NAMEOUTLET" in capitals)
  -> a lost space (or separator);
* a list number glued to a heading line ("4Key ...") -> a lost space.

>>> [v.replacement for v in glued_tokens("a monthonmonth rise in the AngloDutch group")]
['month-on-month', 'Anglo-Dutch']
>>> glued_tokens("The therapist said it was a payout, not a database.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repairkit.detectors._compounds import is_function_word, restore_hyphens
from repairkit.detectors._readings import classify
from repairkit.detectors._verdict import (
    AMBIGUOUS_CONFIDENCE,
    LIKELY_CONFIDENCE,
    POSSIBLE_CONFIDENCE,
    SAFE_CONFIDENCE,
    Kind,
    Verdict,
)
from repairkit.lexicon import COMMON_ZIPF, fast_zipf
from repairkit.model import Applicability, Evidence, Span, Suggestion

__all__ = ["Glued", "Kind", "Verdict", "classify", "glued_tokens"]

#: A letter/digit run standing alone: not part of a URL, e-mail, hashtag, path, domain,
#: contraction (a possessive 's may follow) or an already hyphenated word.
TOKEN_RE = re.compile(r"(?<![\w@#/\\.\-'’])[^\W_]+(?![\w@/\\\-]|['’](?!s\b)|\.[^\W\d_])")
#: The word after a token, on the same line.
NEXT_WORD_RE = re.compile(r"[ \t]+[\"'“‘(]?([^\W_]+)")
#: A list number glued to the first word of a heading line.
HEADING_RE = re.compile(r"^(\d{1,2})([A-Z][A-Za-z]+)\b(?=[^\n]*$)", re.MULTILINE)
#: A word with inner hyphens, letters only ("year-on-year", "Anglo-Dutch").
HYPHENATED_WORD_RE = re.compile(r"(?<![\w\-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w\-])")
#: A list heading that kept its separator: number, then a space or ". ", then a capital.
INTACT_HEADING_RE = re.compile(r"^(\d{1,2})(\.? )([A-Z][A-Za-z]+)\b(?=[^\n]*$)", re.MULTILINE)
MAX_HEADING_WORDS = 25


@dataclass(frozen=True, slots=True)
class Glued:
    """A verdict placed in a document."""

    span: Span
    verdict: Verdict
    #: Where the reading comes from, when the document itself shows it.
    evidence: tuple[Evidence, ...] = ()

    @property
    def replacement(self) -> str:
        """The preferred repaired text."""
        return self.verdict.replacement

    def suggestions(self, note: str) -> tuple[Suggestion, ...]:
        """The preferred repair, then each alternative reading as a manual suggestion."""
        v = self.verdict
        first = Suggestion(self.span, v.replacement, v.confidence, v.applicability, f"{note} {v.reason}",
                           self.evidence)
        others = tuple(Suggestion(self.span, alt, AMBIGUOUS_CONFIDENCE, Applicability.MANUAL,
                                  f"Another reading of '{v.token}'.") for alt in v.alternatives)
        return (first, *others)


def _intact_heading_separator(text: str) -> re.Match[str] | None:
    """A list heading in the same document that kept its separator ("10 Annual ..." or "3. The ...")."""
    return INTACT_HEADING_RE.search(text)


def _heading_verdicts(text: str) -> list[Glued]:
    out = []
    intact = None
    for m in HEADING_RE.finditer(text):
        line_end = text.find("\n", m.start())
        line = text[m.start():line_end if line_end != -1 else len(text)].rstrip()
        word = m.group(2)
        if line.endswith((".", "!", "?", ":", ";", ",")) or len(line.split()) > MAX_HEADING_WORDS:
            continue
        if fast_zipf(word) < COMMON_ZIPF or len(word) < 2 or len(line.split()) < 3:
            continue
        number = m.group(1)
        intact = intact or _intact_heading_separator(text)
        readings = [f"{number} {word}", f"{number}. {word}"]
        if intact:
            # The document itself shows how its list numbers are separated: evidence, not a guess.
            preferred = f"{number}{intact.group(2)}{word}"
            readings = [preferred, *(r for r in readings if r != preferred)]
            verdict = Verdict(Kind.LIST_NUMBER, m.group(), readings[0], LIKELY_CONFIDENCE, Applicability.UNSAFE,
                              f"Another heading here keeps its separator: {intact.group(0).strip()!r}.",
                              tuple(readings[1:]))
            evidence: tuple[Evidence, ...] = (Evidence("document", intact.start(), intact.end(), intact.group(0)),)
        else:
            verdict = Verdict(Kind.LIST_NUMBER, m.group(), readings[0], POSSIBLE_CONFIDENCE, Applicability.UNSAFE,
                              "The separator may also have been '. ' or a line break.", tuple(readings[1:]))
            evidence = ()
        out.append(Glued(Span(m.start(), m.end()), verdict, evidence))
    return out


def _before_noun(text: str, end: int) -> bool:
    """True when a content word (not punctuation, not a function word) follows ``end`` on the line."""
    m = NEXT_WORD_RE.match(text, end)
    return m is not None and not is_function_word(m.group(1))


def _hyphenated_in(text: str) -> dict[str, re.Match[str]]:
    """Hyphenated words of ``text`` keyed by their letters run together, lower-cased."""
    return {m.group().replace("-", "").lower(): m for m in HYPHENATED_WORD_RE.finditer(text)}


def _spelled_elsewhere(token: str, intact: re.Match[str]) -> tuple[Verdict, tuple[Evidence, ...]]:
    """The document spells ``token`` with hyphens elsewhere: the strongest evidence there is."""
    replacement = restore_hyphens(token, intact.group().lower())
    common = fast_zipf(token) >= COMMON_ZIPF  # "email" next to "e-mail": maybe just two spellings
    verdict = Verdict(Kind.HYPHEN, token, replacement, POSSIBLE_CONFIDENCE if common else SAFE_CONFIDENCE,
                      Applicability.UNSAFE if common else Applicability.SAFE,
                      f"This document writes it '{intact.group()}' elsewhere.")
    return verdict, (Evidence("document", intact.start(), intact.end(), intact.group()),)


def glued_tokens(text: str) -> list[Glued]:
    """Every glued token in ``text`` with its verdict, in order; at most one per token."""
    found = {g.span.start: g for g in _heading_verdicts(text)}
    hyphenated = _hyphenated_in(text) if "-" in text else {}
    for m in TOKEN_RE.finditer(text):
        if m.start() in found:
            continue
        intact = hyphenated.get(m.group().lower())
        if intact is not None:
            found[m.start()] = Glued(Span(m.start(), m.end()), *_spelled_elsewhere(m.group(), intact))
            continue
        verdict = classify(m.group())
        if verdict is not None:
            if verdict.modifier and not _before_noun(text, m.end()):
                verdict = verdict.as_spaced()
            found[m.start()] = Glued(Span(m.start(), m.end()), verdict)
    return [found[k] for k in sorted(found)]
