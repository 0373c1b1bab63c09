"""Numbers in a reference article: kind, normalised value, unit, currency and context.

Kinds: ``cardinal`` (12, 1,500), ``decimal`` (3.5), ``ordinal`` (30th), ``percent``
(29.8 percent, 5%), ``money`` (US$5 million, £3bn, 20 yuan), ``year`` (2021), ``date``
(November 22 -> ``2021-11-22`` when the article's year is known, else ``--11-22``) and
``count`` (150 million doses: a number that counts the plural noun after it).

>>> from repairkit.reference.parse import parse_text
>>> art = parse_text("Report of 2021\\n\\nOn May 4 it gave US$5 million and 150 million doses, up 9.5 percent.")
>>> [(f.kind, f.text, f.value, f.unit, f.currency) for f in art.facts]
[('year', '2021', '2021', None, None), ('date', 'May 4', '2021-05-04', None, None), ('money', 'US$5 million', '5000000', 'million', 'US$'), ('count', '150 million doses', '150000000', 'doses', None), ('percent', '9.5 percent', '9.5', 'percent', None)]
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from repairkit.reference.dates import DATE_RE, parts, to_date
from repairkit.reference.model import Article, Fact

#: How many words of context a fact keeps on each side.
CONTEXT_WORDS = 8
SCALES: dict[str, int] = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
}
#: Currency marks written before the number (longest first so "US$" wins over "$").
CURRENCY_PREFIXES = ("US$", "HK$", "NZ$", "A$", "C$", "S$", "R$", "$", "£", "€", "¥", "₹",
                     "USD", "EUR", "GBP", "RMB", "CNY", "JPY")
#: Currency words written after the number.
CURRENCY_WORDS = ("dollars", "dollar", "euros", "euro", "pounds", "pound", "yuan", "yen", "rupees",
                  "pesos", "francs", "won", "ringgit", "baht", "rupiah", "dong")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:k|m|mn|bn|b|tn)\b)"
FACT_RE = re.compile(
    r"(?P<date>" + DATE_RE.pattern + r")"
    r"|(?P<cur>" + "|".join(re.escape(c) for c in CURRENCY_PREFIXES) + r")\s?(?P<mnum>" + _NUM + r")(?P<mscale>"
    + _SCALE + r")?"
    r"|(?<![A-Za-z]-)(?<![\w.])(?<!&#)(?P<num>" + _NUM + r")(?![.,]\d)(?:"
    r"(?P<ord>st|nd|rd|th)\b"
    r"|(?P<pct>\s?(?:%|percent\b|per cent\b|percentage points?\b))"
    r"|(?P<scale>" + _SCALE + r")(?P<curword>\s(?:" + "|".join(CURRENCY_WORDS) + r")\b)?"
    r"|(?P<curword2>\s(?:" + "|".join(CURRENCY_WORDS) + r")\b)"
    r"|(?![\w]))"
)
#: Words ending in "s" that are not plural nouns, so "5 is" or "3 as" is no count.
_NOT_PLURAL = frozenset("is as was has this its his hers ours yours does thus plus across less unless always "
                        "perhaps towards besides whereas versus bus gas us yes "
                        "thirds quarters halves fifths tenths".split())
_IRREGULAR_PLURALS = frozenset("people children men women staff personnel police cattle sheep fish "
                               "feet teeth mice".split())
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: Spelled-out numbers; they become facts only when they count a plural noun ("six proposals").
#: "one" is left out: it is singular, and "no one knows" is no count.
SPELLED: dict[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()) if i > 1} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
SPELLED_RE = re.compile(r"\b(?:" + "|".join(f"{w}|{w.capitalize()}" for w in SPELLED) + r")\b")


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal('5E+6')`` -> ``'5000000'``."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _scaled(num: str, scale: str | None) -> str:
    value = _number(num)
    if scale:
        value *= SCALES[scale.strip().lower()]
    return _plain(value)


def _plural_noun_after(text: str, pos: int) -> re.Match[str] | None:
    """The plural noun right after ``pos`` ("150 million doses" -> "doses"), if there is one."""
    m = re.compile(r"\s+([a-z]+)\b").match(text, pos)
    if not m:
        return None
    word = m.group(1)
    if word in _IRREGULAR_PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                                      and word not in _NOT_PLURAL):
        return m
    return None


def article_year(art: Article) -> int | None:
    """The article's year: its date, else a year in its title, else the one most used in its body."""
    if art.date:
        return art.date.year
    if art.title and (m := re.search(r"\b(1[89]\d\d|20\d\d)\b", art.title)):
        return int(m.group())
    years = Counter(int(y) for b in art.content_blocks() for y in re.findall(r"\b(?:19|20)\d\d\b", b.text))
    ranked = years.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = [m.group() for m in _WORD_RE.finditer(text, 0, start)][-CONTEXT_WORDS:]
    after = [m.group() for m in _WORD_RE.finditer(text, end)][:CONTEXT_WORDS]
    return " ".join(before), " ".join(after)


def _classify(m: re.Match[str], text: str, year: int | None) -> tuple[str, str, str | None, str | None, int]:
    """``(kind, value, unit, currency, end)`` of one :data:`FACT_RE` match inside ``text``."""
    g = m.groupdict()
    end = m.end()
    if g["date"]:
        y, month, day = parts(m)
        resolved = to_date(y if y is not None else year, month, day) if day else None
        if resolved:
            return "date", resolved.isoformat(), None, None, end
        if day is None:
            return "date", f"{y:04d}-{month:02d}" if y else f"--{month:02d}", None, None, end
        return "date", f"--{month:02d}-{day:02d}", None, None, end
    if g["cur"]:
        scale = g["mscale"]
        return "money", _scaled(g["mnum"], scale), scale.strip().lower() if scale else None, g["cur"], end
    num = g["num"]
    if g["ord"]:
        return "ordinal", _plain(_number(num)), None, None, end
    if g["pct"]:
        unit = "percentage points" if "point" in g["pct"] else "percent"  # "%", "per cent" -> "percent"
        return "percent", _plain(_number(num)), unit, None, end
    currency = (g["curword"] or g["curword2"] or "").strip().lower() or None
    scale = (g["scale"] or "").strip().lower() or None
    value = _scaled(num, scale)
    if currency:
        return "money", value, scale, currency, end
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not scale:  # "2003 results" is a year, not a count
        return "year", num, None, None, end
    if noun := _plural_noun_after(text, end):
        return "count", value, noun.group(1), None, noun.end()
    if scale:
        return "cardinal", value, scale, None, end
    return ("decimal" if "." in num else "cardinal"), value, None, None, end


def extract_facts(art: Article) -> list[Fact]:
    """Every number in the article's content blocks, in text order."""
    year = article_year(art)
    facts: list[Fact] = []
    for index, block in enumerate(art.blocks):
        if block.kind in ("boilerplate", "template"):
            continue
        found: list[_Found] = [(m.start(), *_classify(m, block.text, year)) for m in FACT_RE.finditer(block.text)]
        found += _spelled_counts(block.text)
        for start, kind, value, unit, currency, end in sorted(found):
            before, after = _context(block.text, start, end)
            facts.append(Fact(kind, block.text[start:end], value, block.start + start, block.start + end,
                              unit, currency, before, after, index))
    return facts


_Found = tuple[int, str, str, str | None, str | None, int]


def _spelled_counts(text: str) -> list[_Found]:
    """``six proposals`` -> a count of 6 proposals; a spelled number without a plural noun is no fact."""
    out: list[_Found] = []
    for m in SPELLED_RE.finditer(text):
        if noun := _plural_noun_after(text, m.end()):
            out.append((m.start(), "count", str(SPELLED[m.group().lower()]), noun.group(1), None, noun.end()))
    return out

