"""Is a document English? The rules are written for English; other languages get only the
language-neutral ones, and no rule-based repair.

The test is the share of a document's letters that stand in common English words
(wordfreq's English lexicon, which the project ships), so a long word weighs more than a
short one: edited English news scores about 0.9, and damage lowers it little (a glued or
digit-stripped word is one token in a hundred); German, French, Spanish or Dutch prose
shares short words with English ("de", "a", "in", "die") but few long ones and scores
under 0.35; Cyrillic, Greek, Arabic or Chinese text scores near 0. Texts of fewer than
:data:`MIN_WORDS` words are not judged: they are taken as English, as before (in scripts
written without spaces, Chinese and Japanese, each character counts as a word).

>>> english_share("Die Regierung hat am Montag neue Zahlen zur Arbeitslosigkeit vorgelegt.") < 0.2
True
>>> english_share("The government published new unemployment figures on Monday.") > 0.9
True
>>> reads_as_english("Zu kurz.")  # too short to judge
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from repairkit.lexicon import COMMON_ZIPF, fast_zipf
from repairkit.model import Applicability, Finding
from repairkit.registry import DetectorSpec

#: Fewer words than this: too little text to judge, read as English.
MIN_WORDS = 30
#: A document whose share of letters in common English words is below this is not read as
#: English. Set between the two sides measured by ``python -m benchmarks.language``: English
#: news and speeches, clean or damaged by any profile, score 0.61 and more on the even half of
#: the corpora (0.54 on the odd half, held out: a mojibake-damaged list of names); the German,
#: French, Spanish and Dutch samples 0.33 at most.
MIN_ENGLISH_SHARE = 0.45
#: Families that do not read words as English: encoding and whitespace, page furniture and
#: template leaks, a whole article on one line (RK703).
NEUTRAL_CATEGORIES = frozenset({"encoding", "whitespace", "boilerplate", "template-leak"})
NEUTRAL_CODES = frozenset({"RK703"})
#: Reference comparison (RK0xx) is neutral too: its values are the reference's own characters.
NEUTRAL_PREFIXES = ("RK0",)
#: The notice a non-English document gets, once.
NOTICE = ("rules are written for English and this document does not read as English ({share:.0%} of its letters in "
          "English words): only language-neutral rules ran (encoding, whitespace, boilerplate, "
          "template leaks, reference comparison), and no rule-based repair is applied")

_WORD_RE = re.compile(r"[^\W\d_]+")
#: Han ideographs, hiragana and katakana: written without spaces between words.
_UNSPACED_RE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def english_share(text: str) -> float:
    """The share of the letters of ``text`` that stand in common English words (0.0 for none).

    Chinese and Japanese text has no spaces: a run of its characters is one "word", never English.
    """
    return _share(_WORD_RE.findall(text))


def _share(words: list[str]) -> float:
    """:func:`english_share` of the letter runs ``words``, each distinct word looked up once."""
    counts = Counter(words)
    letters = sum(len(w) * n for w, n in counts.items())
    if not letters:
        return 0.0
    return sum(len(w) * n for w, n in counts.items() if fast_zipf(w) >= COMMON_ZIPF) / letters


def reads_as_english(text: str) -> bool:
    """True unless ``text`` has :data:`MIN_WORDS` words or more and too few letters stand in English words."""
    return check_language(text).english


def is_language_neutral(spec: DetectorSpec) -> bool:
    """True for a rule that does not read words as English.

    >>> from repairkit.registry import get
    >>> is_language_neutral(get("RK801")), is_language_neutral(get("RK201"))
    (True, False)
    """
    return (spec.category in NEUTRAL_CATEGORIES or spec.code in NEUTRAL_CODES
            or spec.code.startswith(NEUTRAL_PREFIXES))


def neutral_rules(rules: Sequence[DetectorSpec]) -> list[DetectorSpec]:
    """The language-neutral rules among ``rules``."""
    return [spec for spec in rules if is_language_neutral(spec)]


def without_rule_repairs(findings: Sequence[Finding]) -> list[Finding]:
    """Rule-based suggestions made manual (shown, never applied); reference values stay as they are."""
    return [replace(f, suggestions=tuple(
        replace(s, applicability=Applicability.MANUAL) if s.origin == "rule" else s for s in f.suggestions))
        for f in findings]


@dataclass(frozen=True)
class LanguageCheck:
    """The verdict on one document: English or not, and the share it rests on."""

    english: bool
    share: float

    @property
    def notice(self) -> str | None:
        """The one-line notice for a non-English document (``None`` for English)."""
        return None if self.english else NOTICE.format(share=self.share)


def check_language(text: str) -> LanguageCheck:
    """:func:`reads_as_english` with its figure.

    >>> check_language("Зу кратко").english
    True
    """
    words = _WORD_RE.findall(text)
    if len(words) + len(_UNSPACED_RE.findall(text)) < MIN_WORDS:
        return LanguageCheck(True, 1.0)
    share = _share(words)
    return LanguageCheck(share >= MIN_ENGLISH_SHARE, share)
