"""Loose spaces before punctuation that are no lost number: a link or tag cut out between two names.

An extractor that drops a link keeps the spaces around it: "By Jane Roe and <a>Sam Lee</a>, John
Doe" becomes "By Jane Roe , John Doe". A stripped number leaves the same shape ("In , the bloc
became"), so the two are told apart by the words around the gap and by the digits the text kept:
a gap between two names, in a text with digits close by, is a cut link (RK806, whitespace);
elsewhere it is a lost value (RK102).

>>> text = "By Jane Roe , John Doe. On 3 May, the council met."
>>> [(text[s:e], text[s - 3:e + 1]) for s, e in cut_link_spaces(text)]
[(' ', 'Roe ,')]
>>> cut_link_spaces("By Jane Roe , John Doe. On May , the council met.")  # no digit: the text lost its numbers
[]
"""

from __future__ import annotations

import re

from repairkit.analysis.number_cues import NUMBER_TAKERS, NUMBERED_NAMES, SPACE_PUNCT_RE
from repairkit.analysis.words import MONTHS, next_word, previous_word

#: A text with a digit this close kept its numbers there ("killer T cells", 2019).
DIGIT_WINDOW = 200


def digit_nearby(text: str, pos: int) -> bool:
    """True when a digit stands within ``DIGIT_WINDOW`` characters of ``pos``: the text kept its numbers there.

    >>> digit_nearby("T cells in 2019", 0), digit_nearby("the G meeting", 4)
    (True, False)
    """
    return any(ch.isdigit() for ch in text[max(0, pos - DIGIT_WINDOW):pos + DIGIT_WINDOW])


def skip_ahead_quotes(text: str, pos: int) -> int:
    """The offset after the spaces and quotation marks that start at ``pos``."""
    while pos < len(text) and text[pos] in " \t\n\"'”’“‘":
        pos += 1
    return pos


def between_names(text: str, before: str, after_punct: int) -> bool:
    """True when a loose space before punctuation stands between two names: "Italy , France".

    >>> between_names("Roe , John", "Roe", 5), between_names("March , Smith", "March", 7)
    (True, False)
    """
    after = next_word(text, skip_ahead_quotes(text, after_punct))
    lowered = before.lower()
    return before[:1].isupper() and after[:1].isupper() and lowered not in MONTHS \
        and lowered not in NUMBER_TAKERS and before not in NUMBERED_NAMES


def is_cut_link(text: str, m: re.Match[str]) -> bool:
    """Whether a :data:`SPACE_PUNCT_RE` match is a cut link: a gap between names, digits close by."""
    return between_names(text, previous_word(text, m.start()), m.end()) and digit_nearby(text, m.start())


def cut_link_spaces(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each loose space before a comma or semicolon where a link was cut."""
    return [(m.start(1), m.end(1)) for m in SPACE_PUNCT_RE.finditer(text)
            if m.group(2) in ",;" and is_cut_link(text, m)]
