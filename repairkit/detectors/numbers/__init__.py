"""Missing numbers: the residue a stripped number leaves behind (RK1xx).

A number that vanished from scraped text leaves traces: an ordinal suffix standing alone
("the th summit"), a preposition with no object before punctuation ("In , the"), a unit
with nothing before it ("worth . billion", "sold  million copies"), a currency sign
or ``%`` with no amount, a range or date with a hole ("from  to", "On November , ").
The value itself is never guessed: every suggestion here has ``replacement=None`` and a
note that says what kind of value is missing and what to check.

>>> from repairkit.registry import prepared
>>> [h.message for h in find_orphan_ordinals(*prepared(Document.from_text("the th meeting"), "RK101"))]
["ordinal suffix 'th' has lost its number"]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import MappingProxyType

from repairkit.analysis.apostrophe_context import contractions
from repairkit.analysis.cut_links import digit_nearby, is_cut_link
from repairkit.analysis.digits import DIGIT_EVIDENCE, lost_digits
from repairkit.analysis.number_cues import (  # noqa: F401 -- the word lists are re-exported
    AFTER_AMOUNT_WORDS,
    AFTER_UNIT_WORDS,
    AGE_RE,
    CARDINAL_WORDS,
    COMPOUND_RE,
    COMPOUND_UNITS,
    COUNT_NOUNS,
    CURRENCY_POINT_RE,
    CURRENCY_UNIT_RE,
    CURRENCY_WORDS,
    DASH_LEADS,
    DATA_UNIT_RE,
    DECADE_LEADS,
    DECADE_RE,
    DIMENSION_RE,
    DOUBLE_SPACE_RE,
    ENTITY_REMNANT_RE,
    FEET_INCHES_RE,
    FUNCTION_WORDS,
    GAP_LEADS,
    GLUED_UNIT_RE,
    HANGING_PREFIX_RE,
    LEAD_HYPHEN_RE,
    LONE_CAPITAL_RE,
    LONE_DASH_RE,
    LOOSE_UNIT_RE,
    MID_DECADE_RE,
    NUMBER_ELLIPSIS_RE,
    NUMBER_TAKERS,
    NUMBER_WORDS,
    NUMBERED_NAMES,
    ORDINAL_RE,
    ORPHAN_SIGN_RE,
    PERCENT_RE,
    POINT_DATA_UNIT_RE,
    PUNCT_TOKEN_RE,
    QUANTITY_UNITS,
    RANGE_HOLE_RE,
    RESULT_VERBS,
    SCORE_NOUNS,
    SPACE_PUNCT_RE,
    STRAY_POINT_RE,
    SUBJECT_VERBS,
    TIME_PHRASE_LEADS,
    TIME_UNITS,
    TWIN_CAPITALS_RE,
    UNIT_COMPOUND_RE,
    UNIT_RESIDUE_RE,
    UNIT_SUFFIXES,
    UNIT_WORD_RE,
)
from repairkit.analysis.profile import DocumentProfile
from repairkit.analysis.spans import GrowingSpans, SpanIndex
from repairkit.analysis.words import MONTHS, char_before, next_word, previous_word, unresolved
from repairkit.detectors.numbers.listings import COMPOUND_UNITS as LISTING_UNITS
from repairkit.detectors.numbers.listings import layout_spans, listing_readings
from repairkit.detectors.numbers.stripped import (
    INITIAL_PARTICLES,
    gap_readings,
    letter_in_pair,
    token_readings,
)
from repairkit.document import Document
from repairkit.model import Hit, Severity, Span
from repairkit.spec import DetectorSpec, FixAvailability


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


def find_orphan_ordinals(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """An ordinal suffix with no number before it: "the th annual summit".

    What it flags: a lower-case ``st``/``nd``/``rd``/``th`` standing as a word.
    Why it matters: the ordinal's digits were stripped; the sentence now names no event.
    Example: ``for the th consecutive year`` -> finding on ``th``.
    Repair safety: the number is never guessed; a reference may supply it.
    Trade-off: "St." (Saint, Street) is capitalised and never flagged.

    >>> doc = Document.from_text("the th and St. Paul")
    >>> from repairkit.registry import prepared
    >>> [doc.text[h.span.start:h.span.end] for h in find_orphan_ordinals(*prepared(doc, "RK101"))]
    ['th']
    """
    text = doc.text
    hits = [_hit(m.start(), m.end(), m.start(), f"ordinal suffix '{m.group(1)}' has lost its number",
                 "ordinal", _note(f"an ordinal number before '{m.group(1)}'"), suffix=m.group(1))
            for m in ORDINAL_RE.finditer(text) if text[m.end():m.end() + 2] != "- "]  # "th- it's": a stammer
    for m in OLD_ORDINAL_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if before.lower() in OLD_ORDINAL_LEADS or before.lower() in MONTHS or after in OLD_ORDINAL_FOLLOWERS:
            hits.append(_hit(m.start(), m.end(), m.start(), "ordinal suffix 'd' (as in '22d') has lost its number",
                             "ordinal", _note("an ordinal number before 'd' (an old spelling of '2nd', '3rd')"),
                             suffix="d"))
    yield from sorted(hits, key=lambda h: h.span.start)


#: The old ordinal suffix standing alone: "the d day of July" (from "the 22d day"), "August d,".
#: A run of lower-case letters after a stray point (".png" is a file type) and an amount's unit word.
_LOWER_RUN_RE = re.compile(r"[a-z]+")
_AMOUNT_TAIL_RE = re.compile(r"[.,]?\s?(bn|m|k|million|billion|trillion)?\b")
OLD_ORDINAL_RE = re.compile(r"(?=d)(?<![\w'’.\-&])d(?=[\s,.;:)]|$)")
#: Words before an old ordinal: "the d", "this d", "on the d".
OLD_ORDINAL_LEADS = frozenset("the this that its his our their".split())
#: Words after one: "d day", "d of June", "the d Congress", "d District", "d instant".
OLD_ORDINAL_FOLLOWERS = frozenset("day of instant inst ult ultimo Congress District Session session Regiment".split())


def find_objectless_prepositions(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A word followed by a space and then punctuation: "In , the bloc became", "Plan , the".

    What it flags: a space before ``,`` ``;`` ``:`` or a final ``.`` after a word.
    Why it matters: in edited English nothing stands between a word and its comma; a space
    there is where a token (usually a year, date or amount) was stripped.
    Example: ``In , the bloc became`` -> finding on ``In ,`` expecting a year.
    Repair safety: never guessed; the note says what kind of value is expected.
    Trade-off: catches any vanished token, not only numbers; ellipses are skipped. A space
    between two names ("Italy , France", "By Jane Roe , John Doe": a link was cut) is a loose
    space (RK806), not a lost number, when the text kept its digits around it, unless the first is a
    month or a numbered name ("March , Smith"); in a text without digits it is one ("Robben ,
    Cole .": the minutes of the goals vanished).

    >>> from repairkit.registry import prepared
    >>> [h.data["expects"] for h in find_objectless_prepositions(*prepared(Document.from_text("In , it rose."), "RK102"))]
    ['year']
    """
    text = doc.text
    for m in SPACE_PUNCT_RE.finditer(text):
        hole = m.start(2)
        before = previous_word(text, m.start())
        if is_cut_link(text, m):
            continue  # "By Jane Roe , John Doe" in a text that kept its digits: a cut link (RK806), not a number
        if m.group(2) == "?" and before.lower() not in NUMBER_TAKERS:
            continue  # "followed up and prosecuted ?": a loose space, not "happened in ?"
        expects, what = _expectation(text, hole)
        start = m.start() - len(before)
        yield _hit(start, m.end(), hole, f"nothing between '{before}' and '{m.group(2)}': a value is missing",
                   expects, _note(what))


def find_bare_quantities(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A unit of amount with no number: "worth . billion", "sold  million copies".

    What it flags: ``million``/``billion``/``percent``... preceded by a stray decimal point, a
    doubled space, a currency prefix ("US million") or a word that takes a number; a lone
    decimal point before a word (". percent", ".bn"); a token of nothing but a number's
    punctuation ("..", ".,", ",.", "(),", "-."); a second comma in an apposition ("Smith, ,
    was"); a currency written as letters glued to its unit ("USbn", "A.bn").
    Why it matters: the amount (and often its currency sign) was stripped.
    Example: ``a monthonmonth rise of . percent`` -> finding on ``. percent``.
    Repair safety: never guessed.
    Trade-off: "a million", "several billion" and "per cent of" are left alone, and so are an
    ellipsis, a dot glued to a domain or file type (".org", ".png") and "Am I".

    >>> from repairkit.registry import prepared
    >>> [h.message for h in find_bare_quantities(*prepared(Document.from_text("worth . billion"), "RK103"))]
    ["'billion' has no amount before it"]
    """
    text = doc.text
    claimed: set[int] = set()
    for m in UNIT_WORD_RE.finditer(text):
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
            start, hole = j, j + 1  # "sold  million": the number left a doubled space
        elif lowered in CURRENCY_WORDS and before[:1].isupper() \
                and not (before == "A" and char_before(text, j - 1) in ("", ".", "!", "?", "\n")):  # "A million cars"
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
    yield from _punctuation_residue(text, claimed)


def _punctuation_residue(text: str, claimed: set[int]) -> Iterator[Hit]:
    """Decimal points, commas and currency letters that outlived their number (``claimed``: done)."""
    for m in STRAY_POINT_RE.finditer(text):
        glued = _LOWER_RUN_RE.match(text, m.end())
        if m.start() in claimed or (glued and glued.group() not in UNIT_SUFFIXES and glued.group() not in LISTING_UNITS):
            continue  # ".png", ".org": a file type or domain, not a number's decimal point
        yield _hit(m.start(), m.end(), m.start(), "a stray decimal point: the number around it vanished",
                   "number", _note("a decimal number"))
    for m in PUNCT_TOKEN_RE.finditer(text):
        lead = char_before(text, m.start())
        if m.group() == "." and _spaced_ellipsis(text, m.start()):
            continue  # "equal, . . . endowed": a spaced ellipsis
        if is_number_residue(m.group()) or (lead in (",", ";", ":") and m.group() in (",", ";", ":", ".")) \
                or (lead == "." and m.group() == ",") \
                or (lead in (".", "!", "?") and m.group() == "." and not _spaced_ellipsis(text, m.start())):
            # ". , referee": an attendance figure vanished; "loans. . The": a list number "1." vanished
            start = m.start() - 1 if text[m.start() - 2:m.start()] == "  " else m.start()  # "Pro  .,": one hole
            yield _hit(start, m.end(), m.start(), f"'{m.group()}' is all that is left of a number",
                       "number", _note("a number (its punctuation survived)"))
    for m in GLUED_UNIT_RE.finditer(text):
        if m.group(1) in UNIT_SUFFIXES:
            yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' is a unit whose number vanished", "amount",
                       _note(f"a number before '{m.group(1)}'"), unit=m.group(1))
    for m in CURRENCY_UNIT_RE.finditer(text):
        after = text[m.end():m.end() + 2]
        if m.group(2) == "m" and "." not in m.group() and after[:1].isspace() and not after[1:].islower():
            continue  # "Am I": a word, not "A$...m"
        yield _hit(m.start(), m.end(), m.start(1) + len(m.group(1)), f"'{m.group()}' has lost its amount",
                   "amount", _note(f"an amount in {m.group(1)} {m.group(2)}"), currency=m.group(1), unit=m.group(2))


def _spaced_ellipsis(text: str, pos: int) -> bool:
    """True when the lone point at ``pos`` belongs to a spaced ellipsis (". . .") or a run of points.

    >>> _spaced_ellipsis("then . . . again", 7), _spaced_ellipsis("loans. . The", 7)
    (True, False)
    """
    return text[pos + 1:pos + 3] in (" .", "..") or text[max(0, pos - 4):pos] in (". . ", " .. ") \
        or not text[pos + 1:pos + 40].strip()  # a point at the end of the text: a typo ("the US. .")


#: What a rate is counted per: "earn  an hour", "cost an extra  a month" (an amount vanished before it).
RATE_PERIODS = frozenset("month year week day hour night head share barrel tonne ton gallon litre pound kilo minute".split())
def letters_paired(text: str, start: int, end: int) -> bool:
    """True when the lone capital is one of two joined by "and"/"or": "S and P", "Q and A", "R or B".

    >>> letters_paired("the S and P index", 4, 5), letters_paired("the G meeting", 4, 5)
    (True, False)
    """
    return bool(re.match(r"[ \t]+(?:and|or|n)[ \t]+[A-Z]\b", text[end:end + 8])) \
        or bool(re.search(r"\b[A-Z][ \t]+(?:and|or|n)[ \t]+$", text[max(0, start - 8):start]))


def _residue_start(text: str, pos: int) -> int:
    """Extend a unit's span back over the hole its number left: "in . secs", "by  secs"."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j > 0 and text[j - 1] == "." and (j < 2 or text[j - 2] in " \t"):
        return j - 1  # a decimal point standing alone before the unit
    return j + 1 if pos - j >= 2 else pos


def is_number_residue(token: str) -> bool:
    """True for a token of punctuation that only a stripped number leaves: "..", ".,", "(),", "-.".

    >>> [is_number_residue(t) for t in ("..", ".,", "(-)", "-,", "...", "--", ":-", "-", ").")]
    [True, True, True, True, False, False, False, False, False]
    """
    if token in ("...", "--") or len(token) < 2 or (len(token) >= 3 and set(token) == {"."}):
        return False  # an ellipsis, with its full stop ("....")
    if set(token) <= set(".,:;"):
        return True
    if any(pair in token for pair in ("()", "(-", "-)", "(,", "(.")):
        return True
    return bool(set(token) & set("-/")) and bool(set(token) & set(".,"))


def find_orphan_signs(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A currency sign, ``%`` or unit abbreviation with no number: "£m", "rose by %", "the s".

    What it flags: ``£ € $ ¥`` not followed by digits; ``%`` not after a digit; a bare unit
    token (``m``, ``bn``, ``pm``, ``km``, ``kg``, ``p``...) not after a number; a lone ``s``
    or ``'s`` (a decade, "Radio 's"); a compound or name that lost its leading number
    ("-day", "-LR", "yearold", "mid-.", "xm"); a lone capital letter between lower-case words ("the
    G meeting").
    Why it matters: the digits between the sign and its unit were stripped.
    Example: ``profits of £m`` -> finding on ``£``.
    Repair safety: never guessed.
    Trade-off: a capital after a capitalised word ("Group B", "George W Bush") is a name and
    is left alone; "the V festival" is a known false alarm.

    >>> from repairkit.registry import prepared
    >>> [h.data["expects"] for h in find_orphan_signs(*prepared(Document.from_text("a rise of % to £bn in the s"), "RK104"))]
    ['percentage', 'amount', 'decade']
    """
    text = doc.text
    hits: list[Hit] = []
    for m in ORPHAN_SIGN_RE.finditer(text):
        if text[m.start() - 1:m.start()] == "â" or profile.in_mojibake(m.start()):
            continue  # "â€™", "â€œ": UTF-8 punctuation read as cp1252 (mojibake), not a euro sign
        end = m.end()
        tail = _AMOUNT_TAIL_RE.match(text, end)
        if tail and tail.group(1):
            end = tail.end()
        hits.append(_hit(m.start(), end, m.end(), f"'{m.group()}' has no amount after it", "amount",
                         _note(f"an amount after '{m.group()}'"), currency=m.group()))
    for m in PERCENT_RE.finditer(text):
        lead = char_before(text, m.start())
        if lead.isdigit() or lead in ("", "\n") or profile.in_mojibake(m.start()):
            continue
        hits.append(_hit(m.start(), m.end(), m.start(), "'%' has no number before it", "percentage",
                         _note("a percentage before '%'")))
    signs = SpanIndex(h.span for h in hits)
    for m in UNIT_RESIDUE_RE.finditer(text):
        before = previous_word(text, m.start()).lower()
        if (m.group(1) == "m" and before in ("i", "im")) or before[-1:].isdigit() \
                or (before == "per" and digit_nearby(text, m.start())) \
                or (text[m.start() - 1] == "(" and text[m.start() - 2:m.start() - 1].isalnum()):
            continue  # "I m" (a lost apostrophe), "100 km" (the number is there), "12.5 cts per lb", "401(k)"
        if signs.inside(m.start()):
            continue  # "£ bn": already reported with its currency sign
        start, end = _residue_start(text, m.start()), m.end()
        inches = FEET_INCHES_RE.match(text, end) if m.group(1) == "ft" else None
        if inches:
            end = inches.end()  # "ft in": "5ft 10in", both numbers vanished
        unit = "ft ... in" if inches else m.group(1)
        hits.append(_hit(start, end, m.start(), f"unit '{unit}' has no number before it",
                         "time" if m.group(1) == "pm" else "amount", _note(f"a number before '{m.group(1)}'"),
                         unit=m.group(1)))
    for m in DECADE_RE.finditer(text):
        if previous_word(text, m.start())[-1:].isdigit():
            continue  # "146 s", "0.4 s": seconds after their number
        if previous_word(text, m.start()).lower() in DECADE_LEADS or text[m.start() - 1] == "-":
            hits.append(_hit(m.start(), m.end(), m.start(), "decade suffix 's' has lost its number", "decade",
                             _note("a decade (such as the year of its start) before 's'")))
        else:  # a lone "s" or "'s" is never a word: "the s and s", "Radio 's"
            hits.append(_hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number before it",
                             "number", _note(f"a number (or decade) before '{m.group()}'")))
    hits.extend(_names_without_numbers(text))
    yield from sorted(hits, key=lambda h: h.span.start)


def _names_without_numbers(text: str) -> Iterator[Hit]:
    """Names, compounds and units that lost their number: "the G meeting", "-day", "yearold", "GB"."""
    for m in ENTITY_REMNANT_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' is a character code that lost its digits",
                   "number", _note("the code of an HTML character reference (such as &#NNN;): check the source"))
    for m in MID_DECADE_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start() + 3, "'mids' has lost its decade", "decade",
                   _note("the decade after 'mid-' (such as the years of a 'mid-decade')"))
    for m in LONE_CAPITAL_RE.finditer(text):
        if previous_word(text, m.start()).islower() and not letter_in_pair(text, m.start(), m.end()) \
                and next_word(text, m.end()) not in INITIAL_PARTICLES and not letters_paired(text, m.start(), m.end()) \
                and not digit_nearby(text, m.start()):
            # not "Group B game", "Cooper S which", "the R & B act", "with R de Marigny"
            yield _hit(m.start(), m.end(), m.end(), f"'{m.group()}' has lost the number of its name",
                       "number", _note(f"the number after '{m.group()}' (a model, group or series)"))
    for m in LEAD_HYPHEN_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number before its hyphen",
                   "number", _note(f"the number (model or series) before '{m.group()}'"))
    for m in HANGING_PREFIX_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.end(), f"'{m.group()}' has lost the year after it", "year",
                   _note(f"a year or decade after '{m.group()}'"))
    for m in DATA_UNIT_RE.finditer(text):
        before = previous_word(text, m.start())
        if before.islower() and before != "the" and not before[-1:].isdigit() \
                and next_word(text, m.end()) not in ("the", "and"):  # not "the GB team", "colonies of GB the"
            yield _hit(_residue_start(text, m.start()), m.end(), m.start(),
                       f"unit '{m.group()}' has no number before it", "amount",
                       _note(f"a number before '{m.group()}'"), unit=m.group())
    for m in POINT_DATA_UNIT_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' is a unit whose number vanished", "amount",
                   _note(f"a decimal number before '{m.group().lstrip('.,')}'"))
    for m in DIMENSION_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the numbers around its 'x'", "number",
                   _note("the numbers of a dimension or relay (such as a count times a distance)"))
    for m in AGE_RE.finditer(text):
        if previous_word(text, m.start()).lower() in CARDINAL_WORDS:
            continue  # "an eleven yearold": only the hyphens went
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost its number", "count",
                   _note("the age or duration before 'old'"))
    for m in COMPOUND_RE.finditer(text):
        yield _hit(m.start(), m.end(), m.start(), f"'{m.group()}' has lost the number before its hyphen",
                   "count", _note(f"a number of {m.group(1)}s"))
    yield from _unit_compounds(text, stripped=False)


def _compound_tail(word: str) -> bool:
    """True when ``word`` can be the noun after "N-year", "N-man": not "ago", "who", "ended", "says"."""
    return not (word in FUNCTION_WORDS or word in AFTER_UNIT_WORDS or word in PLAIN_AFTER_UNIT
                or word.endswith(("s", "ed", "ly", "ing")))


#: More words after "a day", "a man", "a year" in plain English: "a man already known", "a day
#: full of hope", "a year prior to", "a day like this".
PLAIN_AFTER_UNIT = frozenset("already full prior like whose whom".split())


def _unit_compounds(text: str, stripped: bool) -> Iterator[Hit]:
    """ "a year prison term" (any text); "the man squad", "Englands man squad" (``stripped`` texts)."""
    for m in UNIT_COMPOUND_RE.finditer(text):
        article, unit, after = m.group(1).lower() in ("a", "an"), m.group(2), m.group(3)
        if article == stripped or (not article and text[max(0, m.start() - 3):m.start()] == "of "):
            continue  # "the man squad" needs a text that lost digits; "of the year award" is a title
        if not _compound_tail(after):
            continue  # "a year ago", "the man who", "a day trying", "the year ended": a plain phrase
        start = m.start(2) - 1 if text[m.start(2) - 2:m.start(2)] == "  " else m.start(2)
        yield _hit(start, m.end(2), m.start(2), f"'{unit} {after}' has lost the number of its compound",
                   "count", _note(f"the number of {unit}s (a compound such as N-{unit})"))


def find_range_holes(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A range or a count whose number vanished: "from  to", "between and", "provided  doses".

    What it flags: ``from``/``between`` directly followed by ``to``/``and``; a doubled space
    after a comma or a word that takes a number (determiners, prepositions, verbs of amount)
    or before ``of``, ``to``, a count noun or a month name; a spaced hyphen after such a
    word or before a month ("a - win", "from - May": a score or range lost its numbers).
    Why it matters: a number left a gap of two spaces; the sentence lost its figure.
    Example: ``rose from  to  percent`` -> finding on ``from  to``.
    Repair safety: never guessed.
    Trade-off: a lost dash also leaves two spaces, so a gap after a noun before "and" is not
    flagged (on seed-style damage that rule cost 0.011 precision for 0.004 recall); a doubled
    space between two capitalised words ("Marks  Spencer") is left to the symbol detectors
    (a lost ``&``), and after a full stop to nobody.

    >>> from repairkit.registry import prepared
    >>> [h.data["expects"] for h in find_range_holes(*prepared(Document.from_text("It rose by  to a high"), "RK105"))]
    ['number']
    """
    text = doc.text
    seen: set[int] = set()
    layout = layout_spans(text)
    for m in RANGE_HOLE_RE.finditer(text):
        if m.group(3).lower() == "and" and next_word(text, m.end()).lower() == "after":
            continue  # "from and after its passage": a legal phrase
        seen.update(range(m.start(2), m.end(2) + 1))
        yield _hit(m.start(), m.end(), m.start(2) + 1, f"'{m.group(1)} {m.group(3)}' has lost the start of its range",
                   "number", _note("the first value of a range"))
    for m in DOUBLE_SPACE_RE.finditer(text):
        if m.start() in seen or layout.inside(m.start()):
            continue  # reported above, or the columns of an aligned table
        if m.end() - m.start() >= 3 and _RUN_RE.match(text, m.start()):
            continue  # reported below as a run
        before = previous_word(text, m.start())
        after = next_word(text, m.end())
        if text[m.start() - 1] == "," and after in SUBJECT_VERBS:
            before = ","  # "Of these,  were happy": a number was the subject
        if not before or after.lower() in QUANTITY_UNITS or after in UNIT_SUFFIXES or AGE_RE.fullmatch(after):
            continue  # a unit after the gap is reported with the unit
        lb, la = before.lower(), after.lower()
        takes = (lb == "," or lb in NUMBER_TAKERS or lb in GAP_LEADS or lb in MONTHS or la in COUNT_NOUNS or la in MONTHS
                 or la in ("to", "of") or la in SCORE_NOUNS
                 or (la in ("a", "an", "per") and next_word(text, m.end() + len(after)).lower() in RATE_PERIODS))
        named = after and before[:1].isupper() and after[:1].isupper()  # "Marks  Spencer": a lost "&"
        if not takes or (named and lb not in MONTHS and lb not in GAP_LEADS and la not in MONTHS):
            continue
        expects, what = _expectation(text, m.start() + 1)
        yield _hit(m.start() - len(before), m.end() + len(after), m.start() + 1,
                   f"doubled space after '{before}': a value vanished here", expects, _note(what))
    for m in _RUN_RE.finditer(text):
        if m.start() + 1 not in seen and not layout.inside(m.start()):  # "beat Smith    and": the scores of several sets vanished
            yield _hit(m.start(), m.end(), m.start() + 1, f"{m.end() - m.start()} spaces in a row: several values "
                       "vanished here", "number", _note("the numbers in this gap (a score, a list of figures)"))
    for m in LONE_DASH_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if text[m.start() - 2:m.start()] == "  ":
            continue  # "of  - the": the doubled space before is the hole, reported above
        if before.lower() in DASH_LEADS or (after.lower() in MONTHS and after[:1].isupper()):
            yield _hit(m.start(), m.end(), m.start(), f"'{before} - {after}': a score or range lost its numbers",
                       "range", _note("the numbers either side of the hyphen (a score, range or date)"))


_GAP_RE = re.compile(r"(?=[ \t])(?<=\S)[ \t]{2,}(?=\S)")
_LONE_LETTER_RE = re.compile(r"(?=[A-HJ-Z])(?<=[ \t])([A-HJ-Z])(?=[ \t]+[a-z]|[.,;:](?:\s|$))")
_DETERMINERS = frozenset("the a an its their his her our this that these those whose".split())


def _context_free_spans(profile: DocumentProfile) -> list[Span]:
    """Spans of the RK101-RK105 findings, from the evidence."""
    return [h.span for h in profile.hits_of(DIGIT_EVIDENCE)]


def find_numbers_in_stripped_text(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """In a text that lost its digits, gaps and lone capitals that are far more often numbers.

    What it flags, only when RK101-RK105 already found a few vanished numbers: a doubled
    space after a comma or a verb in -ed/-ing before a content word ("it rose ,  higher",
    "axing  jobs"), or before a word that follows an amount ("close  down", "still  higher");
    a doubled space between a name after a determiner and a content word ("the Index  fell");
    a lone capital letter that is a name's stem ("Airbus A aircraft", "the A will", "of the G.").
    Why it matters: in such a text a doubled space is mostly a lost number; a lost dash
    leaves one too, but a dash comes before a clause ("film  which won"), which is left alone.
    Example: ``the bank predicting  growth`` -> finding on the gap.
    Repair safety: never guessed.
    Trade-off: in a clean text nothing is flagged; in a damaged one a name such as "Group B
    game" is a false alarm.

    >>> text = "It rose  to a high. In , the th year. The bank is predicting  growth."
    >>> from repairkit.registry import prepared
    >>> [text[h.span.start:h.span.end] for h in find_numbers_in_stripped_text(*prepared(Document.from_text(text), "RK106"))]
    ['predicting  growth']
    """
    if not lost_digits(profile):
        return
    text = doc.text
    taken = _context_free_spans(profile)
    taken_index = SpanIndex(taken)
    hits: list[Hit] = []
    layout = layout_spans(text)
    for m in _GAP_RE.finditer(text):
        if taken_index.covers(m.start() + 1, m.end() - 1) or layout.inside(m.start()):
            continue  # the whole gap is already reported, or it aligns a table
        if m.end() - m.start() < 3 and taken_index.touches(m.start() + 1):
            continue
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        if m.end() - m.start() >= 3 and not text[m.end()].isupper():  # side by side: scores, lists of figures
            hits.append(_hit(m.start(), m.end(), m.start() + 1, f"{m.end() - m.start()} spaces in a row in a text "
                             "that lost its digits: several values vanished", "number", _note("the numbers in this gap")))
            continue
        if m.end() - m.start() >= 3:
            continue  # "DAILY    Enhancing": a layout gap before a heading or name
        content = after[:1].islower() and after.lower() not in FUNCTION_WORDS and after.lower() not in contractions()
        after_comma = text[m.start() - 1] == ","
        after_verb = before.islower() and len(before) > 4 and before.endswith(("ed", "ing")) and content
        the_name = before[:1].isupper() and content and \
            previous_word(text, m.start() - len(before)).lower() in _DETERMINERS  # "the Nikkei  index"
        if after_comma or after_verb or the_name or after.lower() in AFTER_AMOUNT_WORDS or _named_number(text, m.start()):
            start = m.start() - (1 if after_comma else len(before))
            expects, what = _expectation(text, m.start() + 1)
            hits.append(_hit(start, m.end() + len(after), m.start() + 1,
                             f"doubled space before '{after}' in a text that lost its digits: a value vanished",
                             expects, _note(what)))
    for m in _LONE_LETTER_RE.finditer(text):
        before, after = previous_word(text, m.start()), next_word(text, m.end())
        lb = before.lower()
        if not before or (before.islower() and m.group() != "A" and text[m.end()] in " \t"):
            continue  # no word before, or "the G meeting" (reported by RK104)
        named = before[:1].isupper() and after[:1].islower() and after not in FUNCTION_WORDS and m.group() != "A"
        if (lb in _DETERMINERS or named) and not letter_in_pair(text, m.start(), m.end()):
            # "the A will", "Airbus X aircraft"; not "Serie A games", "the R & B act"
            hits.append(_hit(m.start(), m.end(), m.end(), f"'{m.group()}' has lost the number of its name",
                             "number", _note(f"the number after '{m.group()}' (a model, group or series)")))
    compounds = list(_unit_compounds(text, stripped=True))
    hits.extend(compounds)
    for m in LOOSE_UNIT_RE.finditer(text):
        lead = previous_word(text, m.start()).lower()
        if any(h.span.end == m.end(1) for h in compounds) or lead in TIME_PHRASE_LEADS | _DETERMINERS | CARDINAL_WORDS or lead.endswith("half") or not _compound_tail(m.group(2)):
            continue  # "last year profits", "each day", "the year ended", "a four month low": plain phrases
        hits.append(_hit(m.start(1), m.end(1), m.start(1), f"'{m.group(1)} {m.group(2)}' has lost the number of "
                         "its compound", "count", _note(f"the number of {m.group(1)}s (a compound such as N-{m.group(1)})")))
    for m in TWIN_CAPITALS_RE.finditer(text):
        hits.append(_hit(m.start(), m.end(), m.start() + 1, f"'{m.group()}' has lost the digit inside its name",
                         "number", _note(f"the digit between the letters of '{m.group()}' (a name such as X2X)")))
    for m in NUMBER_ELLIPSIS_RE.finditer(text):
        if previous_word(text, m.start()).lower() in NUMBER_TAKERS:
            hits.append(_hit(m.start(), m.end(), m.start(), "'...' after a word that takes a number: the number's "
                             "points are all that is left", "number", _note("a number with its decimal points")))
    for m in CURRENCY_POINT_RE.finditer(text):
        hits.append(_hit(m.start(), m.end(), m.start(1) + len(m.group(1)), f"'{m.group()}' has lost its amount",
                         "amount", _note(f"an amount in {m.group(1)}$ (its sign and digits vanished)")))
    for start, end, hole, message, what in listing_readings(text):
        if not taken_index.touches(hole):  # "Warranty  years": RK105 has it
            hits.append(_hit(start, end, hole, message, "number", _note(what)))
    found = taken + [h.span for h in hits]
    claimed = GrowingSpans(found)  # asked by bisection, not span by span
    for start, end, hole, message, what in (*gap_readings(text, found), *token_readings(text)):
        if not any(s.start <= hole <= s.end or (start < s.end and s.start < end)
                   for s in claimed.near(min(start, hole), max(end, hole))):
            hits.append(_hit(start, end, hole, message, "number", _note(what)))
            claimed.add(Span(start, end))  # one finding per vanished number
    kept: list[Hit] = []
    kept_spans = GrowingSpans()
    for h in sorted(hits, key=lambda h: (h.span.start, -h.span.end)):
        if not any(h.span.start < k.end and k.start < h.span.end for k in kept_spans.near(h.span.start, h.span.end)):
            kept.append(h)  # "the G  summit": the letter and the gap after it are one lost number
            kept_spans.add(h.span)
    yield from kept


def _named_number(text: str, gap: int) -> bool:
    """True when the gap at ``gap`` follows a numbered name ("Radio  and") or a result ("beat France  in")."""
    before = previous_word(text, gap)
    if before in NUMBERED_NAMES:
        return True
    words = text[max(0, gap - 60):gap].split()[-4:]
    return before[:1].isupper() and any(w.lower() in RESULT_VERBS for w in words[:-1])


#: Four or more spaces (three vanished tokens) between a word or comma and a lower-case word;
#: three spaces are as often a layout slip, so they count only in a text that lost its digits (RK106).
_RUN_RE = re.compile(r"(?=[ \t])(?<=[\w,])[ \t]{4,}(?=[a-z])")


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

STRIPPED_CONTEXT = DetectorSpec("RK106", "number-in-stripped-text", "missing-number", Severity.WARNING,
                                find_numbers_in_stripped_text, FixAvailability.SOMETIMES, reads=DIGIT_EVIDENCE)

DETECTORS = (ORPHAN_ORDINAL, OBJECTLESS_PREPOSITION, BARE_QUANTITY, ORPHAN_SIGN, RANGE_HOLE, STRIPPED_CONTEXT)
