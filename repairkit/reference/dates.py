"""Dates as written in articles: "November 22, 2021", "22 Nov 2021", "2021-11-09 07:25", "December 2021".

>>> [(m.group(), parts(m)) for m in DATE_RE.finditer("On November 22, and on 2021-11-09 07:25.")]
[('November 22', (None, 11, 22)), ('2021-11-09 07:25', (2021, 11, 9))]
>>> parse_date_line("Published: Nov. 3, 2021 10:00")
datetime.date(2021, 11, 3)
>>> parse_date_line("November was cold") is None
True
"""

from __future__ import annotations

import datetime
import re

MONTHS: dict[str, int] = {
    name: i + 1
    for i, names in enumerate((
        "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
        "august aug", "september sep sept", "october oct", "november nov", "december dec",
    ))
    for name in names.split()
}
#: Month names as they start a date: "November", "Nov.", "NOVEMBER" (not "may" the verb).
_MONTH = r"(?:" + "|".join(f"{m.capitalize()}|{m.upper()}" for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)?"
DATE_RE = re.compile(
    r"\b(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})" + _TIME
    + r"|(?P<m1>" + _MONTH + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{4})\b" + _TIME + r")?"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH + r")(?:,?\s+(?P<y2>\d{4})\b" + _TIME + r")?"
    + r"|(?P<m3>" + _MONTH + r")\s+(?P<y3>\d{4})\b"
    + r")"
)
PERIOD_RE = re.compile(r"\b(?:(first|second|third|fourth|last|final) (quarter|half)|(last|this|next|previous) "
                        r"(year|month|week|quarter)|(january|february|march|april|may|june|july|august|"
                        r"september|october|november|december)|(spring|summer|autumn|winter))\b", re.IGNORECASE)
_LINE_PREFIX = re.compile(r"^(?:(?:published|updated|posted|date)(?: on)?:?\s*)?", re.IGNORECASE)


def parts(m: re.Match[str]) -> tuple[int | None, int, int | None]:
    """``(year, month, day)`` of a :data:`DATE_RE` match; ``None`` where the text does not say."""
    g = m.groupdict()
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    month = g["m1"] or g["m2"] or g["m3"]
    number = MONTHS[month.lower().rstrip(".")]
    year = g["y1"] or g["y2"] or g["y3"]
    day = g["d1"] or g["d2"]
    return (int(year) if year else None), number, (int(day) if day else None)


def to_date(year: int | None, month: int, day: int | None) -> datetime.date | None:
    """A real calendar date, or ``None`` when a part is missing or out of range.

    >>> to_date(2021, 2, 30) is None, to_date(2021, 2, 3)
    (True, datetime.date(2021, 2, 3))
    """
    if year is None or day is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date_line(line: str) -> datetime.date | None:
    """The date of a line that is nothing but a full date (optionally "Published:" and a time)."""
    body = _LINE_PREFIX.sub("", line.strip())
    m = DATE_RE.fullmatch(body)
    return to_date(*parts(m)) if m else None


def periods(text: str) -> frozenset[str]:
    """The periods a sentence names: "fourth quarter", "last year", "december".

    >>> sorted(periods("Sales in the Fourth Quarter rose, as in December last year."))
    ['december', 'fourth quarter', 'last year']
    """
    return frozenset(" ".join(m.group().lower().split()) for m in PERIOD_RE.finditer(text))


_SEASONS = frozenset({"spring", "summer", "autumn", "winter"})


def period_kind(period: str) -> str:
    """What a period of :func:`periods` counts in: "quarter", "half", "year", "month", "week", a month's name, a season.

    Two periods of one kind that differ name different figures ("third quarter" / "fourth quarter").

    >>> [period_kind(p) for p in ("fourth quarter", "last year", "december", "spring", "next month")]
    ['quarter', 'year', 'month name', 'season', 'month']
    """
    if period in MONTHS:
        return "month name"
    if period in _SEASONS:
        return "season"
    return period.rsplit(" ", 1)[-1]
