"""The document profile: what every rule reads about one document, computed once.

A rule is a function of ``(doc, profile)``. The profile holds two kinds of facts:

- **text facts**, pure functions of the text, each computed the first time a rule asks and
  then shared (so ``--select RK805`` pays only for what its rules read): lines, paragraphs,
  mojibake stretches, boilerplate blocks, glued tokens, word counts;
- **evidence**, the findings of the rules of earlier phases, which the pipeline adds with
  :meth:`DocumentProfile.with_evidence` (:mod:`repairkit.pipeline` runs the phases). A rule
  reads evidence only of the rules it declares in its ``reads`` (``DetectorSpec.reads``); asking
  for anything else raises, so an undeclared dependency fails loudly in the tests instead of
  computing in the wrong order.

Nothing here is ever changed once computed: stages are pure functions of (document, profile),
so a batch worker carries no mutable state.

>>> from repairkit.document import Document
>>> p = DocumentProfile(Document.from_text("It costs Ã‚Â£5.\\n\\nShare this:\\n"))
>>> [s.fixed for s in p.mojibake], p.in_mojibake(9), p.in_boilerplate(p.text.index("Share"))
(['£'], True, True)
>>> p.hits("RK101")
Traceback (most recent call last):
KeyError: "RK101: not in the evidence of this rule (declare it in the rule's reads)"
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

from repairkit.analysis.blocks import lines, paragraphs
from repairkit.analysis.furniture import boilerplate_blocks
from repairkit.analysis.glued.engine import Glued, Kind, glued_tokens
from repairkit.analysis.mojibake import Stretch, mojibake_stretches
from repairkit.analysis.spans import SpanIndex
from repairkit.analysis.words import WORD_LETTERS_RE
from repairkit.document import Document
from repairkit.model import Hit, Span

T = TypeVar("T")
_NO_EVIDENCE: Mapping[str, tuple[Hit, ...]] = MappingProxyType({})


def _match_start(m: re.Match[str]) -> int:
    return m.start()


class DocumentProfile:
    """Text facts of one document (lazily, once) and the evidence of earlier phases."""

    def __init__(self, doc: Document, evidence: Mapping[str, tuple[Hit, ...]] = _NO_EVIDENCE,
                 categories: Mapping[str, str] = _NO_EVIDENCE) -> None:  # type: ignore[assignment]
        self.doc = doc
        self.text = doc.text
        self._evidence = evidence
        self._categories = categories

    # -- text facts -------------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """``[start, end)`` of each line, without its line break."""
        return lines(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """``[start, end)`` of each paragraph (text between blank lines)."""
        return paragraphs(self.text)

    @cached_property
    def mojibake(self) -> tuple[Stretch, ...]:
        """The stretches ftfy's encoding repairs would change (:mod:`repairkit.analysis.mojibake`)."""
        return tuple(mojibake_stretches(self.text))

    @cached_property
    def mojibake_spans(self) -> SpanIndex:
        """The spans of :attr:`mojibake`, for point and overlap questions."""
        return SpanIndex(s.span for s in self.mojibake)

    def in_mojibake(self, offset: int) -> bool:
        """True when ``offset`` lies in mojibake: the encoding family reports it, others leave it."""
        return not self.text.isascii() and self.mojibake_spans.inside(offset)

    @cached_property
    def boilerplate(self) -> tuple[tuple[int, int], ...]:
        """``[start, end)`` of each block of page furniture (:mod:`repairkit.analysis.furniture`)."""
        return tuple(boilerplate_blocks(self.text))

    @cached_property
    def _boilerplate_index(self) -> SpanIndex:
        return SpanIndex(Span(a, b) for a, b in self.boilerplate)

    def in_boilerplate(self, offset: int) -> bool:
        """True when ``offset`` lies in a boilerplate block (other families leave those alone)."""
        return self._boilerplate_index.inside(offset)

    @cached_property
    def glued(self) -> tuple[Glued, ...]:
        """Every glued token of the text with its reading (:mod:`repairkit.analysis.glued`)."""
        return tuple(glued_tokens(self.text))

    def glued_of(self, kind: Kind) -> Iterator[Glued]:
        """The glued tokens whose verdict is ``kind``."""
        return (g for g in self.glued if g.verdict.kind is kind)

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each run of ASCII letters occurs, case kept."""
        return Counter(WORD_LETTERS_RE.findall(self.text))

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Every match of ``pattern`` over the text, found once per profile: the token table of
        the rules that share a tokeniser (they iterate the list instead of re-scanning).

        >>> from repairkit.document import Document
        >>> p = DocumentProfile(Document.from_text("a bb ccc"))
        >>> [m.group() for m in p.matches(re.compile(r"\\w{2,}"))], p.matches(re.compile(r"\\w{2,}")) is p.matches(re.compile(r"\\w{2,}"))
        (['bb', 'ccc'], True)
        """
        table = self.__dict__.setdefault("_matches", {})
        found: list[re.Match[str]] | None = table.get(pattern)
        if found is None:
            found = table[pattern] = list(pattern.finditer(self.text))
        return found

    def matches_where(self, pattern: re.Pattern[str], keep: Callable[[str], bool]) -> list[re.Match[str]]:
        """The :meth:`matches` of ``pattern`` whose text ``keep`` accepts, in order; ``keep`` is asked
        once per distinct text, not per match (a long text repeats its words: 200,000 words, 17,000
        distinct, in 1.2 MB of news).

        >>> from repairkit.document import Document
        >>> p = DocumentProfile(Document.from_text("its a dog, its own dog; Its"))
        >>> [(m.group(), m.start()) for m in p.matches_where(re.compile(r"\\w+"), lambda w: w.lower() == "its")]
        [('its', 0), ('its', 11), ('Its', 24)]
        """
        kept = [m for text, found in self.match_groups(pattern).items() if keep(text) for m in found]
        kept.sort(key=_match_start)
        return kept

    def match_groups(self, pattern: re.Pattern[str]) -> dict[str, list[re.Match[str]]]:
        """The :meth:`matches` of ``pattern`` by their text, each list in order (found once per profile).

        >>> from repairkit.document import Document
        >>> p = DocumentProfile(Document.from_text("a dog, a cat"))
        >>> {w: [m.start() for m in ms] for w, ms in p.match_groups(re.compile(r"\\w+")).items()}
        {'a': [0, 7], 'dog': [2], 'cat': [9]}
        """
        by_text = self.__dict__.setdefault("_by_text", {})
        groups: dict[str, list[re.Match[str]]] | None = by_text.get(pattern)
        if groups is None:
            groups = by_text[pattern] = {}
            for m in self.matches(pattern):
                found = groups.get(m.group())
                if found is None:
                    groups[m.group()] = [m]
                else:
                    found.append(m)
        return groups

    # -- evidence of earlier phases ---------------------------------------------------------

    def with_evidence(self, evidence: Mapping[str, tuple[Hit, ...]],
                      categories: Mapping[str, str]) -> DocumentProfile:
        """A profile that also holds ``evidence`` (code -> hits; ``categories``: code -> category),
        sharing the text facts already computed."""
        new = DocumentProfile(self.doc, MappingProxyType(dict(evidence)), MappingProxyType(dict(categories)))
        new.__dict__.update({k: v for k, v in self.__dict__.items()
                             if k not in ("doc", "text", "_evidence", "_categories", "_facts")})
        return new

    def hits(self, code: str) -> tuple[Hit, ...]:
        """The hits of rule ``code``, which must be in this rule's declared reads."""
        try:
            return self._evidence[code]
        except KeyError:
            raise KeyError(f"{code}: not in the evidence of this rule (declare it in the rule's reads)") from None

    def hits_of(self, codes: Iterable[str]) -> list[Hit]:
        """The hits of every rule in ``codes``, in that order."""
        return [h for code in codes for h in self.hits(code)]

    def category_hits(self, category: str) -> list[Hit]:
        """The hits of every rule of ``category`` in the evidence, by code."""
        return [h for code in sorted(self._evidence) if self._categories.get(code) == category
                for h in self._evidence[code]]

    def fact(self, compute: Callable[[DocumentProfile], T]) -> T:
        """``compute(self)``, once per profile: a fact that needs the evidence (``lost_digits``).

        >>> from repairkit.document import Document
        >>> p = DocumentProfile(Document.from_text("abc"))
        >>> p.fact(lambda q: len(q.text))
        3
        """
        facts = self.__dict__.setdefault("_facts", {})
        if compute not in facts:
            facts[compute] = compute(self)
        value: T = facts[compute]
        return value
