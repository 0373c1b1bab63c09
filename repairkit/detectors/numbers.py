"""Missing numbers: the residue a stripped number leaves behind (RK1xx).

A number that vanished from scraped text leaves traces: an ordinal suffix standing alone
("the th summit"), a preposition with no object before punctuation ("In , the"), a unit
with nothing before it ("reaching . billion", "provided  million doses"), a currency sign
or ``%`` with no amount, a range or date with a hole ("from  to", "On November , ").
The value itself is never guessed: every suggestion here has ``replacement=None`` and a
note that says what kind of value is missing and what to check.

>>> [h.message for h in find_orphan_ordinals(Document.from_text("the th meeting"))]
["ordinal suffix 'th' has lost its number"]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from repairkit.detectors._common import MONTHS, next_word, previous_word, unresolved
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span
from repairkit.registry import DetectorSpec, FixAvailability

#: Words that name an amount and need a number (or a number word) before them.
QUANTITY_UNITS = frozenset(
    "million billion trillion bn mn tn percent pct".split()
)
#: Words that can stand before a unit without a digit ("a million", "several billion").
NUMBER_WORDS = frozenset(
    """a an one two three four five six seven eight nine ten eleven twelve fifteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    dozen dozens several few many multi half quarter tens some per the additional extra
    another further nearly almost about around over under than least most of""".split()
)
#: Words after which a bare hole is almost always a number (prepositions and verbs of amount).
NUMBER_TAKERS = frozenset(
    """in on since by until till during from to of at about around nearly almost over under
    than between reached reaching reaches totalled totaled total totalling rose fell grew
    dropped jumped climbed increased decreased gained lost hit topped exceeded surpassed
    provided donated pledged worth cost costs paid pay earned raised spent valued sold
    bought aged age numbered some approximately roughly estimated only just up down""".split()
)
#: Prefixes of a currency written as letters before an amount ("US$5 million" -> "US million").
CURRENCY_WORDS = frozenset("us hk nz a c s au ca rmb usd eur gbp jpy cny inr".split())
#: Units or nouns that follow a count ("provided  doses"); used as context, not alone.
COUNT_NOUNS = frozenset(
    """people persons doses years months weeks days hours minutes seconds times percent
    points games goals matches jobs workers staff members cases deaths votes seats
    tonnes tons kilometres kilometers miles metres meters km kg units copies shares
    countries companies firms projects students children men women dollars pounds euros
    yuan yen rupees""".split()
)
DECADE_LEADS = frozenset("the early late mid".split())
#: Unit letters that a decimal point may be glued to once the digits are gone (".bn", ".m").
UNIT_SUFFIXES = frozenset("bn mn m tn k p pm am s th st nd rd kg km cm mm ft lb".split())
#: Closed-class words (determiners, prepositions, conjunctions, auxiliaries, quantity words)
#: after which a doubled space is a vanished number: a dash, the other token whose loss
#: leaves two spaces, follows a complete phrase, never "the" or "of".
GAP_LEADS = frozenset(
    """the a an its their his her our your my this these those that which whose each every all
    both any no another other in on of to than from about by for and or nor at with between
    among over under up down since after before until till during within without into onto
    per via as past top last first next only just nearly almost around roughly some least
    most more less fewer be been being is are was were has have had will would could should
    can might must aged owns own won lose take took buy bought add added cut cuts employ
    employs employed number chapter while rose fell below above beyond plus near win wins beat
    lead led remaining""".split()
)
#: Nouns that, after a hyphen, make a compound with a number: "90-day", "10-year-old".
COMPOUND_UNITS = frozenset(
    """day week month year hour minute second mile metre meter kilometre foot point man
    strong page game seat nation member storey story part""".split()
)

_ORDINAL_RE = re.compile(r"(?<![\w'’.\-])(st|nd|rd|th)(?=[\s\-,.;:)]|$)")
_SPACE_PUNCT_RE = re.compile(r"(?<=[^\W_])([ \t]+)([,;:]|\.(?![.\w])(?![ \t]+[a-z%.]))(?=[\s\"'”’)]|$)")
_STRAY_POINT_RE = re.compile(r"(?:(?<=[ \t(])|^)(?<!\. )\.(?=[ \t]*[a-z%])(?![ \t]?(com|net|org)\b)", re.MULTILINE)
#: A token of nothing but number punctuation: "..", ".,", ",.", ":." (an ellipsis is not one).
_PUNCT_TOKEN_RE = re.compile(r"(?<!\S)(?!\.\.\.(?!\S))[.,:;]*[.,:][.,:;]*(?!\S)")
#: A currency written as letters glued to its unit: "USbn", "A.bn", "HKm," (the "$" and amount went).
_CURRENCY_UNIT_RE = re.compile(r"(?<![\w.$£€])(A|C|NZ|HK|US|S|R)\.?(bn|m|tn|k)(?=[\s,.;:)]|$)")
_COMPOUND_RE = re.compile(r"(?<![\w\-])-(" + "|".join(sorted(COMPOUND_UNITS)) + r")s?\b")
_UNIT_WORD_RE = re.compile(r"\b(million|billion|trillion|bn|mn|percent|pct|per cent)\b")
_DOUBLE_SPACE_RE = re.compile(r"(?<=[^\s.!?:;])([ \t]{2,3})(?=[^\s])")
_ORPHAN_SIGN_RE = re.compile(r"[£€$¥](?![\d\s]*\d)")
_PERCENT_RE = re.compile(r"%(?![sdifr]\b|\(\w+\)[sdif])")  # skip printf placeholders ("%s", "%(n)d")
_RANGE_HOLE_RE = re.compile(r"\b(from|between)([ \t]+)(to|and)\b", re.IGNORECASE)
_UNIT_RESIDUE_RE = re.compile(r"(?<=[ \t(])(bn|mn|m|tn|pm|p|k|km|kg|cm|mm|ft|lbs?|yd|mph|ghz|mbps|secs)(?=[\s,.;:)]|$)")
#: An age or duration whose number (and hyphens) vanished: "a yearold man", "the year-olds".
_AGE_RE = re.compile(r"(?<![\w\-])(?:year|month|week|day)-?olds?\b")
_DECADE_RE = re.compile(r"(?<=[ \t\-(])['’]?s(?=[\s,.;:)\"”]|$)")


def _hit(start: int, end: int, at: int, message: str, expects: str, note: str, **data: str) -> Hit:
    return Hit(Span(start, end), message, (unresolved(at, note),),
               MappingProxyType({"expects": expects, **data}))


def _expectation(text: str, hole: int) -> tuple[str, str]:
    """Guess what kind of value belongs at ``hole`` from the words around it."""
    before = previous_word(text, hole).lower()
    after = next_word(text, hole).lower()
    if before in MONTHS:
        return "day", f"the day of the month after '{previous_word(text, hole)}' (or a year)"
    if after in MONTHS:
        return "day", "the day of the month before the month name"
    if after in ("percent", "pct") or text[hole:hole + 3].lstrip().startswith("%") or after == "per":
        return "percentage", "a percentage"
    if after in QUANTITY_UNITS:
        return "amount", f"an amount in {after} (and perhaps its currency)"
    if after in COUNT_NOUNS:
        return "count", f"a count of {after}"
    if before in ("in", "since", "until", "till", "during", "by") and text[hole:hole + 2].strip()[:1] in (",", ""):
        return "year", f"a year or date after '{previous_word(text, hole)}'"
    return "number", "a number"


def _note(what: str) -> str:
    return f"Missing value: {what}. The value is unknown; check the source and insert it."


def find_orphan_ordinals(doc: Document) -> Iterator[Hit]:
    """An ordinal suffix with no number before it: "the th annual summit".

    What it flags: a lower-case ``st``/``nd``/``rd``/``th`` standing as a word.
    Why it matters: the ordinal's digits were stripped; the sentence now names no event.
    Example: ``for the th consecutive year`` -> finding on ``th``.
    Repair safety: the number is never guessed; a reference may supply it.
    Trade-off: "St." (Saint, Street) is capitalised and never flagged.

    >>> doc = Document.from_text("the th and St. Paul")
    >>> [doc.text[h.span.start:h.span.end] for h in find_orphan_ordinals(doc)]
    ['th']
    """
    for m in _ORDINAL_RE.finditer(doc.text):
        yield _hit(m.start(), m.end(), m.start(), f"ordinal suffix '{m.group(1)}' has lost its number",
                   "ordinal", _note(f"an ordinal number before '{m.group(1)}'"), suffix=m.group(1))


def find_objectless_prepositions(doc: Document) -> Iterator[Hit]:
    """A word followed by a space and then punctuation: "In , the bloc became", "Plan , the".

    What it flags: a space before ``,`` ``;`` ``:`` or a final ``.`` after a word.
    Why it matters: in edited English nothing stands between a word and its comma; a space
    there is where a token (usually a year, date or amount) was stripped.
    Example: ``In , the bloc became`` -> finding on ``In ,`` expecting a year.
    Repair safety: never guessed; the note says what kind of value is expected.
    Trade-off: catches any vanished token, not only numbers; ellipses are skipped.

    >>> [h.data["expects"] for h in find_objectless_prepositions(Document.from_text("In , it rose."))]
    ['year']
    """
    text = doc.text
    for m in _SPACE_PUNCT_RE.finditer(text):
        hole = m.start(2)
        before = previous_word(text, m.start())
        expects, what = _expectation(text, hole)
        start = m.start() - len(before)
        yield _hit(start, m.end(), hole, f"nothing between '{before}' and '{m.group(2)}': a value is missing",
                   expects, _note(what))


def find_bare_quantities(doc: Document) -> Iterator[Hit]:
    """A unit of amount with no number: "reaching . billion", "provided  million doses".

    What it flags: ``million``/``billion``/``percent``... preceded by a stray decimal point, a
    doubled space, a currency prefix ("US million") or a word that takes a number.
    Why it matters: the amount (and often its currency sign) was stripped.
    Example: ``a yearonyear increase of . percent`` -> finding on ``. percent``.
    Repair safety: never guessed.
    Trade-off: "a million", "several billion" and "per cent of" are left alone.

    >>> [h.message for h in find_bare_quantities(Document.from_text("reaching . billion"))]
    ["'billion' has no amount before it"]
    """
    text = doc.text
    claimed: set[int] = set()
    for m in _UNIT_WORD_RE.finditer(text):
        unit = m.group(1)
        i = m.start()
        j = i
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        before = previous_word(text, i)
        lowered = before.lower()
        if j > 0 and text[j - 1] == "." and not (text[j - 2:j - 1].isalnum() or text[j - 2:j - 1] in "£€$¥"):
            start = hole = j - 1  # ". billion": only the decimal point survived
        elif i - j >= 2:
            start, hole = j, j + 1  # "provided  million": the number left a doubled space
        elif lowered in CURRENCY_WORDS and before[:1].isupper():
            start, hole = j - len(before), j
            claimed.add(start)
            yield _hit(start, m.end(), hole, f"'{before} {unit}' has lost its amount", "amount",
                       _note(f"an amount in {before} {unit}"), unit=unit, currency=before)
            continue
        elif lowered in NUMBER_TAKERS and lowered not in NUMBER_WORDS:
            start, hole = j - len(before), j
        else:
            continue
        claimed.add(start)
        expects, what = _expectation(text, i)
        yield _hit(start, m.end(), hole, f"'{unit}' has no amount before it", expects, _note(what), unit=unit)
    for m in _STRAY_POINT_RE.finditer(text):
        glued = re.match(r"[a-z]+", text[m.end():])
        if m.start() in claimed or (glued and glued.group() not in UNIT_SUFFIXES):
            continue  # ".png", ".org": a file type or domain, not a number's decimal point
        yield _hit(m.start(), m.end(), m.start(), "a stray decimal point: the number around it vanished",
                   "number", _note("a decimal number"))
    for m in _PUNCT_TOKEN_RE.finditer(text):
        lead = text[:m.start()].rstrip(" \t")[-1:]
        if len(m.group()) >= 2 or (lead in (",", ";", ":") and m.group() != "."):
            yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' is all that is left of a number",
                       "number", _note("a number (its punctuation survived)"))
    for m in _CURRENCY_UNIT_RE.finditer(text):
        after = text[m.end():m.end() + 2]
        if m.group(2) == "m" and "." not in m.group() and after[:1].isspace() and not after[1:].islower():
            continue  # "Am I": a word, not "A$...m"
        yield _hit(m.start(), m.end(), m.start(1) + len(m.group(1)), f"'{m.group()}' has lost its amount",
                   "amount", _note(f"an amount in {m.group(1)} {m.group(2)}"), currency=m.group(1), unit=m.group(2))


def find_orphan_signs(doc: Document) -> Iterator[Hit]:
    """A currency sign, ``%`` or unit abbreviation with no number: "£m", "rose by %", "the s".

    What it flags: ``£ € $ ¥`` not followed by digits; ``%`` not after a digit; a bare
    ``m``/``bn`` or ``pm`` token; a lone decade ``s`` after "the"/"early"/"late"/"mid".
    Why it matters: the digits between the sign and its unit were stripped.
    Example: ``profits of £m`` -> finding on ``£``.
    Repair safety: never guessed.
    Trade-off: ``s`` is flagged only after a decade lead word.

    >>> [h.data["expects"] for h in find_orphan_signs(Document.from_text("a rise of % to £bn in the s"))]
    ['percentage', 'amount', 'decade']
    """
    text = doc.text
    hits: list[Hit] = []
    for m in _ORPHAN_SIGN_RE.finditer(text):
        end = m.end()
        tail = re.match(r"[.,]?\s?(bn|m|k|million|billion|trillion)?\b", text[end:])
        if tail and tail.group(1):
            end += tail.end()
        hits.append(_hit(m.start(), end, m.end(), f"'{m.group()}' has no amount after it", "amount",
                         _note(f"an amount after '{m.group()}'"), currency=m.group()))
    for m in _PERCENT_RE.finditer(text):
        lead = text[:m.start()].rstrip(" \t")[-1:]
        if lead.isdigit() or lead in ("", "\n"):
            continue
        hits.append(_hit(m.start(), m.end(), m.start(), "'%' has no number before it", "percentage",
                         _note("a percentage before '%'")))
    for m in _UNIT_RESIDUE_RE.finditer(text):
        before = previous_word(text, m.start()).lower()
        if (m.group(1) == "m" and before in ("i", "im")) or before[-1:].isdigit():
            continue  # "I m" (a lost apostrophe), "100 km" (the number is there)
        hits.append(_hit(m.start(), m.end(), m.start(), f"unit '{m.group(1)}' has no number before it",
                         "time" if m.group(1) == "pm" else "amount", _note(f"a number before '{m.group(1)}'"),
                         unit=m.group(1)))
    for m in _DECADE_RE.finditer(text):
        if previous_word(text, m.start()).lower() in DECADE_LEADS or text[m.start() - 1] == "-":
            hits.append(_hit(m.start(), m.end(), m.start(), "decade suffix 's' has lost its number", "decade",
                             _note("a decade (such as the year of its start) before 's'")))
        else:  # a lone "s" or "'s" is never a word: "the s and s", "Radio 's"
            hits.append(_hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number before it",
                             "number", _note(f"a number (or decade) before '{m.group()}'")))
    for m in _AGE_RE.finditer(text):
        hits.append(_hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost its number", "count",
                         _note("the age or duration before 'old'")))
    for m in _COMPOUND_RE.finditer(text):
        hits.append(_hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number before its hyphen",
                         "count", _note(f"a number of {m.group(1)}s")))
    yield from sorted(hits, key=lambda h: h.span.start)


def find_range_holes(doc: Document) -> Iterator[Hit]:
    """A range or a count whose number vanished: "from  to", "between and", "provided  doses".

    What it flags: ``from``/``between`` directly followed by ``to``/``and``, and a doubled
    space after a word that takes a number (prepositions, verbs of amount) or before a
    count noun or month name.
    Why it matters: a number left a gap of two spaces; the sentence lost its figure.
    Example: ``rose from  to  percent`` -> finding on ``from  to``.
    Repair safety: never guessed.
    Trade-off: a doubled space between two capitalised words ("Marks  Spencer") is left to
    the symbol detectors (a lost ``&``), and after a full stop to nobody.

    >>> [h.data["expects"] for h in find_range_holes(Document.from_text("It rose by  to a high"))]
    ['number']
    """
    text = doc.text
    seen: set[int] = set()
    for m in _RANGE_HOLE_RE.finditer(text):
        seen.add(m.start(2))
        yield _hit(m.start(), m.end(), m.start(2) + 1, f"'{m.group(1)} {m.group(3)}' has lost the start of its range",
                   "number", _note("the first value of a range"))
    for m in _DOUBLE_SPACE_RE.finditer(text):
        if m.start() in seen:
            continue
        before = previous_word(text, m.start())
        after = next_word(text, m.end())
        if not before or not after or after.lower() in QUANTITY_UNITS:
            continue  # a unit after the gap is find_bare_quantities' business
        lb, la = before.lower(), after.lower()
        takes = (lb in NUMBER_TAKERS or lb in GAP_LEADS or lb in MONTHS or la in COUNT_NOUNS or la in MONTHS
                 or la in ("to", "and", "of"))
        if not takes or (before[:1].isupper() and after[:1].isupper() and lb not in MONTHS):
            continue
        expects, what = _expectation(text, m.start() + 1)
        yield _hit(m.start() - len(before), m.end() + len(after), m.start() + 1,
                   f"doubled space after '{before}': a value vanished here", expects, _note(what))


ORPHAN_ORDINAL = DetectorSpec("RK101", "orphan-ordinal", "missing-number", Severity.ERROR,
                              find_orphan_ordinals, FixAvailability.SOMETIMES)
OBJECTLESS_PREPOSITION = DetectorSpec("RK102", "value-before-punctuation", "missing-number", Severity.ERROR,
                                      find_objectless_prepositions, FixAvailability.SOMETIMES)
BARE_QUANTITY = DetectorSpec("RK103", "bare-quantity", "missing-number", Severity.ERROR,
                             find_bare_quantities, FixAvailability.SOMETIMES)
ORPHAN_SIGN = DetectorSpec("RK104", "orphan-sign", "missing-number", Severity.ERROR,
                           find_orphan_signs, FixAvailability.SOMETIMES)
RANGE_HOLE = DetectorSpec("RK105", "vanished-number", "missing-number", Severity.WARNING,
                          find_range_holes, FixAvailability.SOMETIMES)

DETECTORS = (ORPHAN_ORDINAL, OBJECTLESS_PREPOSITION, BARE_QUANTITY, ORPHAN_SIGN, RANGE_HOLE)
