"""Encoding and whitespace damage: mojibake, control characters, invisible and doubled spaces (RK8xx).

Mojibake is explained by ftfy (:mod:`repairkit.analysis.mojibake` finds the stretches its
encoding repairs change, for every family); this family reports them. Legitimate non-ASCII
text (accents, ``£``, curly quotes, emoji, CJK) is never changed by these fixes and so never
flagged.

>>> doc = Document.from_text("It costs Ã‚Â£5 at the cafÃ©.")
>>> from repairkit.registry import prepared
>>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement) for h in find_mojibake(*prepared(doc, "RK801"))]
[('Ã‚Â£', '£'), ('Ã©', 'é')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from repairkit import lexicon
from repairkit.analysis.cut_links import cut_link_spaces
from repairkit.analysis.digits import DIGIT_EVIDENCE, lost_digits
from repairkit.analysis.profile import DocumentProfile
from repairkit.calibration import reading, suggest
from repairkit.document import Document
from repairkit.model import Applicability, Hit, Severity, Span, Suggestion
from repairkit.spec import DetectorSpec, FixAvailability

#: The readings these rules propose (measured in data/calibration.tsv).
MOJIBAKE_DECODED = reading("RK801.decoded")
ENTITY = reading("RK801.entity")
VERTICAL_TAB = reading("RK802.vertical-tab")
DELETE_CONTROL = reading("RK802.delete-control")
DELETE_ESCAPE = reading("RK802.delete-escape-sequence")
LOST_HIGH_BYTE = reading("RK802.lost-high-byte")
DELETE_INVISIBLE = reading("RK804.delete-invisible")
JOIN_SPLIT_WORD = reading("RK804.join-split-word")
COLLAPSE_SPACES = reading("RK805.collapse-spaces")
DELETE_LOOSE_SPACE = reading("RK806.delete-space")

#: Control characters that plain text may hold.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
#: Invisible characters that split a word without showing anything (zero-width space,
#: word joiner, byte-order mark inside the text, soft hyphen).
_INVISIBLE = {"\u200b": "zero-width space", "\u2060": "word joiner", "\ufeff": "byte-order mark",
              "\u00ad": "soft hyphen"}
#: Visible spaces other than U+0020; legitimate between words, suspicious inside one.
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_ODD_SPACE_IN_WORD_RE = re.compile(rf"(?=[{_ODD_SPACES}])(?<=[^\W\d_])[{_ODD_SPACES}](?=[^\W\d_])")
_DOUBLE_SPACE_RE = re.compile(rf"(?<=[^\s.!?:;])[ {_ODD_SPACES}]{{2,}}(?=\S)")

#: A terminal escape sequence (colour, cursor, title) copied from a console: CSI, OSC, or two-byte.
_ESCAPE_RE = re.compile(r"\x1b(?:\[(?:[0-9;?]+[ -/]*[@-~]|[A-HJKSTfmsu])|\][^\x07\x1b]{0,256}(?:\x07|\x1b\\))")
_CONTROL_RUN_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")
#: Control characters that are the low byte of a typographic mark whose high byte (0x20) was lost
#: on the way through a 16-bit or 8-bit conversion: U+2019 -> 0x19, U+2014 -> 0x14, ...
_LOST_HIGH_BYTE = {"\x13": "\u2013", "\x14": "\u2014", "\x18": "\u2018", "\x19": "\u2019",
                   "\x1c": "\u201c", "\x1d": "\u201d"}


def find_mojibake(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Mojibake and HTML entities that ftfy can explain: "cafÃ©", "itâ€™s", "AT&amp;T".

    What it flags: each stretch that ftfy's encoding repairs would change (text decoded
    with the wrong code page, C1 controls, HTML entities in plain text, lossy sequences).
    Why it matters: the reader sees garbage where an accent, a quote or a symbol was.
    Example: ``cafÃ©`` -> finding on ``Ã©`` with ftfy's fix ``é``.
    Repair safety: the replacement is ftfy's; it is safe when ftfy re-decoded the text
    (whole line or mojibake runs inside it) and its badness heuristic scores the fixed
    line lower than the original; otherwise (HTML entities, other fixes) unsafe.
    Measured on 300 news articles with UTF-8 read as Windows-1252: 2,049 of 2,050 safe
    fixes restored the original token exactly (``python -m benchmarks.encoding_fixes``).
    The note carries ftfy's explanation. Only encoding repairs are
    enabled, so correct accents, symbols, curly quotes, emoji and CJK are never flagged.

    >>> doc = Document.from_text("AT&amp;T said itâ€™s fine")
    >>> from repairkit.registry import prepared
    >>> [(h.suggestions[0].replacement, h.suggestions[0].applicability.label) for h in find_mojibake(*prepared(doc, "RK801"))]
    [('&', 'unsafe'), ('’', 'safe')]
    """
    for stretch in profile.mojibake:
        span, steps = stretch.span, stretch.steps
        if not _ESCAPE_RE.sub("", stretch.original):
            continue  # terminal escape sequences: control characters, RK802's
        safe = stretch.decoded and not stretch.original.isascii()  # an HTML entity may be meant literally
        yield Hit(span, f"mojibake: '{stretch.original}' should read '{stretch.fixed}'",
                  (suggest(span, stretch.fixed, MOJIBAKE_DECODED if safe else ENTITY,
                           f"ftfy explains the line as: {steps}",
                           ceiling=Applicability.SAFE if safe else Applicability.UNSAFE),),
                  {"ftfy": steps})


def _control_fix(text: str, span: Span) -> Suggestion:
    """The repair of one run of control characters at ``span`` (see :func:`find_control_characters`)."""
    run = text[span.start:span.end]
    kept = "".join(ch for ch in run if ch in _ALLOWED_CONTROLS)
    if run.startswith("\x1b") and _ESCAPE_RE.fullmatch(run):
        return suggest(span, "", DELETE_ESCAPE, "a terminal escape sequence (a colour or cursor code) shows nothing "
                       "in text", ceiling=Applicability.SAFE)
    if set(run) <= {"\x0b"}:
        return suggest(span, "\n", VERTICAL_TAB, "a vertical tab is a line break in some editors")
    if len(run) == 1 and run in _LOST_HIGH_BYTE:
        mark = _LOST_HIGH_BYTE[run]
        return suggest(span, mark, LOST_HIGH_BYTE,
                       f"U+{ord(run):04X} is the low byte of U+{ord(mark):04X} '{mark}', whose high byte a "
                       "conversion dropped; check the source")
    return suggest(span, kept, DELETE_CONTROL, "control characters are invisible; deleting them changes no text",
                   ceiling=Applicability.SAFE)


def find_control_characters(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Control characters in text, as scraped pages carry them: "a\\x01b", "\\x1b[1mBold\\x1b[0m".

    What it flags: each run of C0/C1 control characters other than tab, line feed,
    carriage return and form feed, unless ftfy explains it as mojibake; a terminal escape
    sequence (``ESC [ 0 m``) is one finding over the whole sequence. The message names the
    code points.
    Why it matters: controls are invisible, break search and tools, and usually come from
    a binary field, a console log or a broken conversion.
    Example: ``Hello\\x01 world`` -> finding on ``\\x01``.
    Repair safety: deleting control characters changes nothing a reader sees (reading
    ``RK802.delete-control``, safe as measured). Where the deletion would be wrong the
    suggestion is another reading, at most unsafe: a control between two letters that is the
    low byte of a typographic mark ("don\\x19t" is "don’t" whose high byte was lost) gets the
    mark, a vertical tab becomes a line feed (a line break in some word processors), and a whole
    terminal escape sequence is its own reading (manual until data/calibration.tsv measures it).

    >>> doc = Document.from_text("Hello\\x01 world\\x0bnext \\x1b[31mred\\x1b[0m don\\x19t")
    >>> from repairkit.registry import prepared
    >>> [(doc.text[h.span.start:h.span.end], h.suggestions[0].replacement, h.suggestions[0].applicability.label)
    ...  for h in find_control_characters(*prepared(doc, "RK802"))]
    [('\\x01', '', 'safe'), ('\\x0b', '\\n', 'manual'), ('\\x1b[31m', '', 'safe'), ('\\x1b[0m', '', 'safe'), ('\\x19', '’', 'unsafe')]
    """
    text = doc.text
    mojibake = profile.mojibake_spans
    pos = 0
    while (m := _CONTROL_RUN_RE.search(text, pos)) is not None:
        escape = _ESCAPE_RE.match(text, m.start()) if text[m.start()] == "\x1b" else None
        span = Span(m.start(), escape.end() if escape else m.end())
        pos = span.end
        if escape is None and mojibake.overlaps(span):
            continue
        run = text[span.start:span.end]
        names = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in run if ch < " " or "\x7f" <= ch <= "\x9f"}
                                 - {"U+0009", "U+000A", "U+000D", "U+000C"}))
        what = "terminal escape sequence" if escape else "control character(s)"
        yield Hit(span, f"{what} {names} in text", (_control_fix(text, span),))


def find_replacement_characters(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """The replacement character "\ufffd": a character lost when bytes were decoded.

    What it flags: each run of U+FFFD REPLACEMENT CHARACTER.
    Why it matters: the original character (an accent, a quote, a currency sign) is gone.
    Example: ``caf\ufffd`` -> finding on ``\ufffd``.
    Repair safety: the lost character is unknown; manual only (a reference may supply it).

    >>> from repairkit.registry import prepared
    >>> [h.span for h in find_replacement_characters(*prepared(Document.from_text("caf\ufffd\ufffd ok"), "RK803"))]
    [Span(start=3, end=5)]
    """
    for m in re.finditer("\ufffd+", doc.text):
        yield Hit(Span(m.start(), m.end()), "a character was lost in decoding (U+FFFD)",
                  (Suggestion.unknown(Span(m.start(), m.end()),
                                      "The original character is unknown: check the source (often an accent, "
                              "a quote, a dash or a currency sign)."),))


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True when only whitespace stands beside ``text[start:end]`` on its line.

    >>> _alone_on_line("a\\n\\u200b\\nb", 2, 3), _alone_on_line("a\\u200bb", 1, 2)
    (True, False)
    """
    i, j = start, end
    while i > 0 and text[i - 1] in " \t\r\u00a0":
        i -= 1
    while j < len(text) and text[j] in " \t\r\u00a0":
        j += 1
    return (i == 0 or text[i - 1] == "\n") and (j == len(text) or text[j] == "\n")


def find_word_breaking_spaces(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Invisible or non-breaking spaces that split a word: "co\\u200boperation", "informa\\u00a0tion".

    What it flags: a zero-width space, word joiner, stray byte-order mark or soft hyphen
    anywhere but alone on a line (an "empty" web paragraph, which splits no word); a non-breaking (or other non-ASCII) space between two letters when the two
    halves joined make a common word that is more frequent than either half.
    Why it matters: the word looks whole but search, spell-checking and matching fail.
    Example: ``co\\u200boperation`` -> finding on the zero-width space.
    Repair safety: deleting an invisible character changes nothing a reader sees (safe);
    deleting a visible space inside a word is unsafe.

    >>> doc = Document.from_text("co\\u200boperation and informa\\u00a0tion, 10\\u00a0km")
    >>> from repairkit.registry import prepared
    >>> [(h.span.start, h.suggestions[0].applicability.label) for h in find_word_breaking_spaces(*prepared(doc, "RK804"))]
    [(2, 'safe'), (24, 'unsafe')]
    """
    text = doc.text
    for m in re.finditer("[" + "".join(_INVISIBLE) + "]+", text):
        if m.start() == 0 and m.group() == "\ufeff":
            continue  # a byte-order mark at the very start is a file signature
        if _alone_on_line(text, m.start(), m.end()):
            continue  # an "empty" paragraph of a web page (<p>&#8203;</p>): splits no word
        name = _INVISIBLE[m.group()[0]]
        yield Hit(Span(m.start(), m.end()), f"invisible {name} inside the text",
                  (suggest(Span(m.start(), m.end()), "", DELETE_INVISIBLE,
                           f"a {name} is invisible; deleting it changes no visible text", ceiling=Applicability.SAFE),))
    for m in _ODD_SPACE_IN_WORD_RE.finditer(text):
        i, j = m.start(), m.end()  # walk to the word edges: no slicing or searching the whole text
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        while j < len(text) and text[j].isalpha():
            j += 1
        a, b = text[i:m.start()], text[m.end():j]
        if not a or not b:
            continue
        joined = lexicon.zipf((a + b).lower())
        if lexicon.is_common((a + b).lower()) and joined > max(lexicon.zipf(a.lower()), lexicon.zipf(b.lower())):
            yield Hit(Span(m.start(), m.end()), f"U+{ord(m.group()):04X} space splits the word '{a + b}'",
                      (suggest(Span(m.start(), m.end()), "", JOIN_SPLIT_WORD,
                               f"'{a + b}' is a more common word than either half"),))


def find_doubled_spaces(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """Two or more spaces between words that no other rule explains: "quarterly   report".

    What it flags: a run of 2+ spaces (or non-breaking spaces) inside a line, not after
    sentence punctuation (the two-space convention) and not at a line start (indent).
    Doubled spaces that other rules explain (a vanished number, a lost ``&`` or dash, a
    glued by-line, boilerplate) are left to them, and so is every gap in a text that lost
    its digits (several missing-number findings).
    Why it matters: mostly cosmetic, but a doubled space is also where a token vanished.
    Example: ``quarterly   report`` -> info finding on the three spaces.
    Repair safety: collapsing to one space is unsafe: check first that nothing is missing.

    The gaps another rule explains are settled by :mod:`repairkit.arbitrate`: here "Next  to"
    is also a lost dash (RK605), which owns it in a scan.

    >>> doc = Document.from_text("quarterly   report. Next  to it.  Done")
    >>> from repairkit.registry import prepared
    >>> [h.span for h in find_doubled_spaces(*prepared(doc, "RK805"))]
    [Span(start=9, end=12), Span(start=24, end=26)]
    >>> from repairkit.pipeline import scan_document
    >>> [f.span for f in scan_document(doc, [DOUBLED_SPACE]).findings]
    [Span(start=9, end=12)]
    """
    if lost_digits(profile):
        return  # the gaps are where numbers vanished: the missing-number family's findings
    for m in _DOUBLE_SPACE_RE.finditer(doc.text):
        span = Span(m.start(), m.end())
        yield Hit(span, f"{len(span)} spaces between words",
                  (suggest(span, " ", COLLAPSE_SPACES,
                           "collapse to one space, after checking that no word or number vanished here"),))


def find_cut_link_spaces(doc: Document, profile: DocumentProfile) -> Iterator[Hit]:
    """A space before a comma between two names where a link or tag was cut: "By Jane Roe , John Doe".

    What it flags: a loose space before a comma or semicolon between two capitalised words,
    in a text that kept its digits close by (:mod:`repairkit.analysis.cut_links`).
    Why it matters: the extractor dropped a linked name or a tag and kept the spaces around it;
    the text reads with a stray space (and perhaps a missing name).
    Example: ``By Jane Roe , John Doe`` -> info finding on the space before the comma.
    Repair safety: deleting the space is unsafe: a name may be missing there.
    Trade-off: in a text without digits the same gap is a lost number ("Robben , Cole ." lost the
    minutes of its goals): RK102 reports it then.

    >>> from repairkit.registry import prepared
    >>> doc = Document.from_text("By Jane Roe , John Doe. On 3 May, it rose.")
    >>> [(h.span, h.suggestions[0].replacement) for h in find_cut_link_spaces(*prepared(doc, "RK806"))]
    [(Span(start=11, end=12), '')]
    """
    for start, end in cut_link_spaces(doc.text):
        span = Span(start, end)
        yield Hit(span, "a loose space before the punctuation: a link or tag was cut here",
                  (suggest(span, "", DELETE_LOOSE_SPACE, "delete the space; check whether a linked name was lost"),))


MOJIBAKE = DetectorSpec("RK801", "mojibake", "encoding", Severity.ERROR, find_mojibake, FixAvailability.ALWAYS)
CONTROL_CHARACTER = DetectorSpec("RK802", "control-character", "encoding", Severity.WARNING,
                                 find_control_characters, FixAvailability.ALWAYS)
REPLACEMENT_CHARACTER = DetectorSpec("RK803", "replacement-character", "encoding", Severity.WARNING,
                                     find_replacement_characters, FixAvailability.NEVER)
WORD_BREAKING_SPACE = DetectorSpec("RK804", "word-breaking-space", "whitespace", Severity.WARNING,
                                   find_word_breaking_spaces, FixAvailability.ALWAYS)
DOUBLED_SPACE = DetectorSpec("RK805", "doubled-space", "whitespace", Severity.INFO,
                             find_doubled_spaces, FixAvailability.ALWAYS, reads=DIGIT_EVIDENCE)

CUT_LINK_SPACE = DetectorSpec("RK806", "cut-link-space", "whitespace", Severity.INFO,
                              find_cut_link_spaces, FixAvailability.ALWAYS)

DETECTORS = (MOJIBAKE, CONTROL_CHARACTER, REPLACEMENT_CHARACTER, WORD_BREAKING_SPACE, DOUBLED_SPACE,
             CUT_LINK_SPACE)
