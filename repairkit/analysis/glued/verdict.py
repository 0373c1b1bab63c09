"""Verdicts on glued tokens: what was lost (a hyphen, a space, a separator) and how sure we are.

>>> hyphen_reading("wellknown", "well-known", SAFE_CONFIDENCE, "attested").applicability.label
'safe'
>>> hyphen_reading("twinengine", "twin-engine", POSSIBLE_CONFIDENCE, "modifier", ("twin engine",)).as_spaced().kind
<Kind.SPACE: 'space'>
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from repairkit.model import HIGH_CONFIDENCE, Applicability

SAFE_CONFIDENCE = 0.92
LIKELY_CONFIDENCE = 0.7
POSSIBLE_CONFIDENCE = 0.6
AMBIGUOUS_CONFIDENCE = 0.4
#: A split is safe only when both words have this many letters ("weblogger" is no "we blogger").
SURE_PART_LENGTH = 3


class Kind(StrEnum):
    """What was lost, which decides the rule that reports it."""

    HYPHEN = "hyphen"              # RK301
    NAME_HYPHEN = "name-hyphen"    # RK302
    NAME_PAIR = "name-pair"        # RK303
    SPACE = "space"                # RK401
    POSSIBLE_SPACE = "possible-space"  # RK405: two words, or a closed compound
    CASE_CHANGE = "case-change"    # RK402
    CAPITALS = "capitals"          # RK403
    LIST_NUMBER = "list-number"    # RK404
    VARIANT = "variant"            # RK304: a closed and a hyphenated spelling in one clean text


@dataclass(frozen=True, slots=True)
class Verdict:
    """The repair a glued token needs; ``alternatives`` are other readings (make it manual)."""

    kind: Kind
    token: str
    replacement: str
    confidence: float
    applicability: Applicability
    reason: str
    alternatives: tuple[str, ...] = ()
    #: The hyphen holds only for a modifier before a noun ("twin-engine planes").
    modifier: bool = False

    def as_spaced(self, kind: Kind = Kind.SPACE,
                  reason: str = "No noun follows, so not a compound modifier: a space is missing.") -> Verdict:
        """The two-word reading of a modifier verdict, for a token that stands before no noun."""
        return Verdict(kind, self.token, self.alternatives[0], self.confidence, Applicability.UNSAFE,
                       reason, (self.replacement, *self.alternatives[1:]))

    def capped(self, confidence: float) -> Verdict:
        """The same reading, never safe and at most ``confidence`` sure (no evidence of damage)."""
        return Verdict(self.kind, self.token, self.replacement, min(self.confidence, confidence),
                       Applicability.UNSAFE if self.applicability is Applicability.SAFE else self.applicability,
                       self.reason, self.alternatives, self.modifier)

    def weakened(self) -> Verdict:
        """The same reading as a weak lost-space verdict: it may be a closed compound ("textphone")."""
        return Verdict(Kind.POSSIBLE_SPACE, self.token, self.replacement, AMBIGUOUS_CONFIDENCE,
                       Applicability.MANUAL, "Two words run together, or a closed compound the lexicon does not "
                       "know: check the spelling.", self.alternatives)



def hyphen_reading(token: str, replacement: str, confidence: float, reason: str,
                   alternatives: tuple[str, ...] = (), modifier: bool = False) -> Verdict:
    """A dropped-hyphen verdict: safe only when sure and without another reading."""
    sure = confidence >= HIGH_CONFIDENCE and not alternatives
    return Verdict(Kind.HYPHEN, token, replacement, confidence,
                   Applicability.SAFE if sure else Applicability.UNSAFE, reason, alternatives, modifier)


def space_reading(token: str, cuts: list[tuple[str, str]], sure: bool, also: tuple[str, ...] = ()) -> Verdict:
    """A lost-space verdict from the cuts into words: manual when there are several."""
    spaced = [f"{left} {right}" for left, right in cuts]
    if len(spaced) > 1:
        return Verdict(Kind.SPACE, token, spaced[0], AMBIGUOUS_CONFIDENCE, Applicability.MANUAL,
                       "Several splits into common words; pick the right one.", (*spaced[1:], *also))
    if sure and min(len(cuts[0][0]), len(cuts[0][1])) >= SURE_PART_LENGTH:
        return Verdict(Kind.SPACE, token, spaced[0], HIGH_CONFIDENCE, Applicability.SAFE,
                       "The only split into two common words.")
    return Verdict(Kind.SPACE, token, spaced[0], LIKELY_CONFIDENCE, Applicability.UNSAFE,
                   "The likeliest split; check it is not a name or a rare word.", also)
