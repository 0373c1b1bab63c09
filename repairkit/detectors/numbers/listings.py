"""Numbers lost from specifications, listings, tables and old documents, in a text that lost its digits.

Product pages, results tables and state papers carry their figures in short label lines and
columns rather than in sentences, and a stripped figure there leaves other traces than in
news prose:

- a unit with nothing before it but a gap, a comma or point, or a word that takes a value
  ("Power use  W on", "a refresh rate of Hz.", "They weigh  g.", "Screen  inches");
- the ``x`` of a dimension or count standing alone beside a gap ("Dimensions  x  x  cm",
  "Ports  x USB-C");
- a gap after a word that names a value ("Price  was", "Score  in our tests", "Rated  out of");
- a unit that lost the number of its compound ("a light inch laptop", "The degree base");
- a lone capital before a name in capitals ("a K TV"), a capitalised name and a name in
  capitals with a gap between them ("The Halden  TV has");
- a gap after a noun that numbers what follows ("Resolution  demanded", "in section  from",
  "the fiscal year  reached");
- the rows of a table that lost its figures: runs of spaces between words, several in the
  text ("Leeds            Hull"), unless they only align a header ("Team   P   W").

Each reading returns ``(start, end, hole, message, what)`` like :mod:`.stripped`; RK106
asks them only once the document has shown it lost its digits. The units and words are
general English (``data/unit_symbols.txt``, ``data/unit_words.txt``).

>>> text = "Power use  W on. Dimensions  x  x  cm. Price  was high."
>>> [text[start:end] for start, end, *_ in listing_readings(text)]
[' W', ' x ', ' x ', 'Price  was']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from repairkit import wordlists
from repairkit.analysis.number_cues import AFTER_UNIT_WORDS, CARDINAL_WORDS, FUNCTION_WORDS
from repairkit.analysis.spans import SpanIndex
from repairkit.analysis.words import next_word, previous_word, skip_back
from repairkit.model import Span

#: ``(start, end, hole, message, what)``, as in :mod:`.stripped`.
Reading = tuple[int, int, int, str, str]


@cache
def unit_symbols() -> frozenset[str]:
    """Unit symbols written after a number (``W``, ``kWh``, ``GHz``; case kept)."""
    return wordlists.load("unit_symbols")


@cache
def unit_words() -> frozenset[str]:
    """Unit and count words written after a number (``inches``, ``watts``, ``cores``)."""
    return wordlists.load("unit_words")


#: Units that stand in a compound before a noun once their number and hyphen went ("a 65-inch
#: screen" -> "a inch screen", "the 360-degree base").
COMPOUND_UNITS = frozenset(
    """inch metre meter litre liter watt volt pixel megapixel gigabyte terabyte megabyte percent ounce
    gram kilogram centimetre centimeter millimetre millimeter kilometre kilometer""".split()
)
#: Words before such a unit that make an ordinary phrase: "an inch", "every inch", "per litre".
COMPOUND_BLOCKERS = frozenset(
    """an one per every each square cubic by half quarter few several many no any first second third
    last final""".split()
) | CARDINAL_WORDS
#: Words that name a value: a gap after them, as a label, held it ("Price  was", "Score  in our tests").
VALUE_WORDS = frozenset(
    """price prices priced cost costs costing score scores scored scoring rated rating ratings weigh
    weighs weighed weighing weight capacity budget fee fees rent salary wage worth resolution""".split()
)
#: Nouns that take a number after them: "Resolution  demanded", "in section  from", "Psalm  Even".
NUMBERED_NOUNS = frozenset(
    """section sections article articles resolution resolutions chapter psalm paragraph paragraphs
    clause clauses amendment title nos page item flight route interstate highway volume verse
    fiscal""".split()
)
#: "the year  the", "the fiscal year  reached": a year after "year" vanished ("this year" is whole).
YEAR_LEADS = frozenset("the fiscal calendar financial tax school model".split())
#: Determiners before a model name: "a K TV", "The Halden  TV".
_DETERMINERS = frozenset("a an the its their his her our this that these those every each".split())

_UNIT_TOKEN_RE = re.compile(r"(?<![\w.,'’\-/])([A-Za-zµ]+)(?![\w'’\-/])")
_GAP_RE = re.compile(r"(?= )(?<=\S) {2}(?=\S)")
_RUN_RE = re.compile(r"(?=[ \t])(?<=[A-Za-z,])[ \t]{3,}(?=[A-Za-z])")  # not after a full stop: an indent
_LONE_X_RE = re.compile(r"(?=x)(?<![\w.'’\-])x(?![\w'’\-])")
_LONE_CAPITAL_RE = re.compile(r"(?=[B-HJ-Z])(?<=[a-z][ \t])[B-HJ-Z](?=[ \t]+[A-Z]{2,}\b)")
#: Residue of a number just before a unit: a comma or point standing alone (", W", ". kg").
_RESIDUE_BEFORE_RE = re.compile(r"(?:^|(?<=\s))[.,]+[ \t]+$")
#: Lower-case words after which a unit symbol of two letters or more wants a number: "rate of Hz".
UNIT_TAKERS = frozenset("of to at from up about around over under than weigh weighs weighing".split())
#: A table needs this many runs of three spaces or more between words.
TABLE_RUNS = 2


def _hole_before(text: str, pos: int) -> int | None:
    """The start of the trace a number left right before ``pos``: a gap or a comma/point token."""
    if text[pos - 2:pos] == "  " and (pos < 3 or text[pos - 3] != " "):
        return pos - 1  # "use  W": the hole is the middle of the doubled space
    m = _RESIDUE_BEFORE_RE.search(text, max(0, pos - 8), pos)
    return m.start() if m else None


def _unit_tokens(text: str, units: frozenset[str]) -> Iterator[re.Match[str]]:
    """The matches of :data:`_UNIT_TOKEN_RE` that are ``units``, in order: the units the text
    holds found by one pass in C (``findall``), then a pattern of those alone, so no Python step
    is taken per word of a long text.

    >>> [(m.group(1), m.start()) for m in _unit_tokens("a kg of kgs, 5 kg and km.", frozenset({"kg", "km"}))]
    [('kg', 2), ('kg', 15), ('km', 22)]
    """
    present = units.intersection(_UNIT_TOKEN_RE.findall(text))
    if not present:
        return iter(())
    alternatives = "|".join(map(re.escape, sorted(present, key=lambda u: (-len(u), u))))
    return re.finditer(_UNIT_TOKEN_RE.pattern.replace(r"([A-Za-zµ]+)", f"({alternatives})"), text)


def unit_readings(text: str) -> Iterator[Reading]:
    """Units with nothing before them but a gap, a residue or a word that takes a value."""
    symbols, words = unit_symbols(), unit_words()
    for m in _unit_tokens(text, symbols | words):
        token = m.group(1)
        is_symbol = token in symbols
        before = skip_back(text, m.start())
        if before and text[before - 1].isdigit():
            continue  # "100 W": the number is there
        start = _hole_before(text, m.start())
        if start is None and is_symbol and len(token) >= 2 and not token.isupper() \
                and previous_word(text, m.start()).lower() in UNIT_TAKERS:
            start = m.start()  # "a refresh rate of Hz." (not "the discovery of TB")
        if start is None:
            continue
        yield (start, m.end(), m.start(), f"unit '{token}' has no number before it",
               f"the number before '{token}'")


def dimension_readings(text: str) -> Iterator[Reading]:
    """An ``x`` standing alone beside a gap: "Dimensions  x  x  cm", "Ports  x USB-C"."""
    for m in _LONE_X_RE.finditer(text):
        start = _hole_before(text, m.start())
        if start is None and text[m.end():m.end() + 2] == "  ":
            start = m.start()
        if start is None:
            continue
        end = m.end() + 1 if text[m.end():m.end() + 2] == "  " else m.end()
        yield (start, end, m.start(), "'x' stands alone: the numbers of a dimension or count vanished",
               "the numbers either side of 'x' (a size or a count)")


def value_gap_readings(text: str) -> Iterator[Reading]:
    """Gaps after a word that names or numbers a value: "Price  was", "Resolution  demanded"."""
    for m in _GAP_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        lowered = before.lower()
        if not before or not after:
            continue
        two_back = previous_word(text, m.start() - len(before)).lower()
        if lowered in VALUE_WORDS and before[:1].isupper():
            what = f"the value after '{before}'"
        elif lowered in NUMBERED_NOUNS:
            what = f"the number after '{before}'"
        elif lowered in ("year", "years") and two_back in YEAR_LEADS and after.islower():
            what = f"the year after '{two_back} {before}'"
        elif after == "out" and next_word(text, m.end() + 3) == "of" and (before[:1].isupper() or lowered in VALUE_WORDS):
            what = "the value before 'out of' (a rating)"
        else:
            continue
        yield (m.start() - len(before), m.end() + len(after), m.start() + 1,
               f"a gap after '{before}': its value vanished", what)


def compound_readings(text: str) -> Iterator[Reading]:
    """A unit that lost the number of its compound: "a light inch laptop", "the degree base"."""
    pattern = _compound_re()
    for m in pattern.finditer(text):
        before, after = previous_word(text, m.start()).lower(), m.group(2)
        if before in COMPOUND_BLOCKERS or not before or after in FUNCTION_WORDS or after in AFTER_UNIT_WORDS \
                or after.endswith(("ed", "ly", "ing")):
            continue  # "an inch of", "a kilometer away", "a percent above": plain phrases
        yield (m.start(1), m.end(1), m.start(1), f"'{m.group(1)} {after}' has lost the number of its compound",
               f"the number of its compound (such as N-{m.group(1)})")


@cache
def _compound_re() -> re.Pattern[str]:
    units = "|".join(sorted(COMPOUND_UNITS))
    return re.compile(r"(?<=[A-Za-z][ \t])(" + units + r")(?=[ \t]+([a-z]+)\b(?![\-']))")


def name_readings(text: str) -> Iterator[Reading]:
    """A capital or a name before a name in capitals that lost the number between: "a K TV", "The Halden  TV"."""
    for m in _LONE_CAPITAL_RE.finditer(text):
        if previous_word(text, m.start()).lower() in _DETERMINERS:
            yield (m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number of its name",
                   f"the number before '{m.group()}' (such as a resolution or a model)")
    for m in _GAP_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if not (before[:1].isupper() and before[1:].islower() and 2 <= len(after) <= 4 and after.isupper()):
            continue
        if previous_word(text, m.start() - len(before)).lower() in _DETERMINERS:
            yield (m.start() - len(before), m.end() + len(after), m.start() + 1,
                   f"a gap between the name '{before}' and '{after}': a model number vanished",
                   f"the number of the model (such as '{before} N {after}')")


def table_readings(text: str) -> Iterator[Reading]:
    """Runs of spaces between words, several in the text: the rows of a table that lost its figures.

    A run beside a short token that another run follows ("Team   P   W   D") aligns a header.
    """
    layout = layout_spans(text)
    runs = [m for m in _RUN_RE.finditer(text) if not layout.inside(m.start())]
    if len(runs) < TABLE_RUNS:
        return
    for m in runs:
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if _header_cell(text, m.start() - len(before), before, back=True) \
                or _header_cell(text, m.end() + len(after), after, back=False):
            continue
        yield (m.start(), m.end(), m.start() + 1, f"{m.end() - m.start()} spaces in a row: a table row lost its figures",
               "the figures of this row")


def _header_cell(text: str, edge: int, word: str, back: bool) -> bool:
    """True when ``word`` (at most three letters) has a run of spaces on its other side."""
    if not word or len(word) > 3:
        return False
    return text[edge - 3:edge] == "   " if back else text[edge:edge + 3] == "   "


_INNER_RUN_RE = re.compile(r"\S[ \t]{2,}\S")


def layout_spans(text: str) -> SpanIndex:
    r"""The lines of an aligned table: two or more lines in a row, each with a run of spaces inside.

    A clean table aligns its columns with spaces ("Leeds      10    6"); each of its lines has a
    gap, and so has the line above or below. A text that lost its figures has lost its line
    breaks too (or holds a gap on one line only), so its gaps are not layout.

    >>> index = layout_spans("Name      Role\nJane      editor\nA line  alone.\n\nText.")
    >>> index.inside(3), index.inside(20), index.inside(50)
    (True, True, False)
    """
    lines: list[tuple[int, int, bool]] = []
    start = 0
    for line in text.split("\n"):
        lines.append((start, start + len(line), bool(_INNER_RUN_RE.search(line))))
        start += len(line) + 1
    spans = [Span(a, b) for i, (a, b, gap) in enumerate(lines)
             if gap and ((i > 0 and lines[i - 1][2]) or (i + 1 < len(lines) and lines[i + 1][2]))]
    return SpanIndex(spans)


def listing_readings(text: str) -> Iterator[Reading]:
    """Every reading of this module, in order of strength."""
    yield from unit_readings(text)
    yield from dimension_readings(text)
    yield from value_gap_readings(text)
    yield from table_readings(text)
    yield from name_readings(text)
    yield from compound_readings(text)
