"""Repairs read off an aligned same-story reference: the reference's exact characters.

A *site* is one damaged token (or a gap between passages) with the reference text that
restores it. Only restorations count: the damaged side may hold whitespace only and the
reference side only restorable characters (digits, marks, whitespace), so an intact token
never changes and a reworded passage yields nothing.

>>> from repairkit.reference.parse import parse_text
>>> ref = parse_text("Quarterly sales results\\n\\nThe well-known firm said its sales grew 5% in 2020.")
>>> doc = "Quarterly sales results The well known firm said its sales grew  in ."
>>> for s in aligned_sites(doc, ref):
...     print(repr(doc[s.span.start:s.span.end]), repr(s.suggestion.replacement), s.category)
' ' '\\n\\n' lost-structure
'well known' 'well-known' missing-hyphen
'' '5%' missing-number
'.' '2020.' missing-number
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from repairkit.analysis.words import skip_back
from repairkit.model import HIGH_CONFIDENCE, Applicability, Evidence, Span, Suggestion
from repairkit.reference.align import LOST_CLASSES, Diff, Segment, align, restorable
from repairkit.reference.dates import period_kind, periods
from repairkit.reference.model import Article

#: Confidence of an aligned repair, by the quality of its alignment (calibrated on the
#: reference benchmark, see ``benchmarks/reference.py``).
CONF_EXACT = 0.97       # whole passage, key identical, no other difference nearby
CONF_CLOSE = 0.9        # key similarity >= 97, no other difference nearby
CONF_NOISY = 0.85       # other (non-restorable) differences within NOISE_WINDOW
CONF_AMBIGUOUS = 0.7    # the passage matched two places equally well (duplicated text)
CONF_BOUNDARY = 0.85    # a paragraph break at the edge of one whole aligned passage
NOISE_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Site:
    """A place the reference restores: span in the damaged text, its suggestion and category."""

    span: Span
    category: str
    message: str
    suggestion: Suggestion
    segment: Segment | None = None
    source: Article | None = None


def only_restores(damaged: str, repaired: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when ``repaired`` differs from ``damaged`` only by restorable characters (or ``extra``).

    >>> only_restores("Japans", "Japan's"), only_restores("its", "it is"), only_restores("said", "said:")
    (True, False, False)
    >>> only_restores("said", "said:", frozenset(":"))
    True
    """
    if damaged == repaired:
        return False
    for op in Indel.opcodes(damaged, repaired):
        if op.tag == "equal":
            continue
        if not damaged[op.src_start:op.src_end].isspace() and op.src_start != op.src_end:
            return False
        if not all(restorable(c, extra) for c in repaired[op.dest_start:op.dest_end]):
            return False
    return True


def added_characters(damaged: str, repaired: str) -> str:
    """What ``repaired`` has that ``damaged`` lacks, in order.

    >>> added_characters("Blink", "Blink-182"), added_characters("Japans", "Japan's")
    ('-182', "'")
    """
    return "".join(repaired[op.dest_start:op.dest_end] for op in Indel.opcodes(damaged, repaired)
                   if op.tag != "equal")


def lost_category(damaged: str, repaired: str) -> str | None:
    """The category of what ``repaired`` adds to ``damaged``; ``None`` for whitespace only.

    >>> lost_category("Japans", "Japan's"), lost_category("ab", "a b"), lost_category("a  b", "a b")
    ('missing-apostrophe', 'missing-space', None)
    >>> lost_category("said", "said:"), lost_category("caf", "café"), lost_category("x", "x «")
    ('stray-punctuation', 'encoding', 'missing-quote')
    """
    added = added_characters(damaged, repaired)
    if any(c.isdigit() for c in added):
        return "missing-number"
    for category, chars in LOST_CLASSES.items():
        if any(c in chars for c in added):
            return category
    by_kind = {_mark_category(c) for c in added if not c.isspace()}
    for category in _MARK_CATEGORIES:
        if category in by_kind:
            return category
    glued = any(op.tag == "insert" and op.src_start == op.src_end and 0 < op.src_start < len(damaged)
                and not damaged[op.src_start - 1].isspace() and not damaged[op.src_start].isspace()
                for op in Indel.opcodes(damaged, repaired))
    return "missing-space" if added and glued else None


#: Categories of the marks outside :data:`LOST_CLASSES`, most telling first.
_MARK_CATEGORIES = ("encoding", "missing-quote", "missing-bracket", "missing-symbol", "stray-punctuation")


def _mark_category(ch: str) -> str:
    """The category of a lost mark outside the lost classes (a letter: the scraper's character set)."""
    kind = unicodedata.category(ch)
    if kind[0] == "L":
        return "encoding"
    if kind in ("Pi", "Pf"):
        return "missing-quote"
    if kind in ("Ps", "Pe"):
        return "missing-bracket"
    if kind[0] == "S":
        return "missing-symbol"
    return "stray-punctuation"


@lru_cache(maxsize=32)
def lost_marks(doc_text: str, ref_text: str) -> frozenset[str]:
    """What this text lost besides the usual classes: the reference's marks it never has.

    The classes a document has lost are evidence in the document itself: a long text with no
    colon, no question mark and no bracket where its reference has them was stripped of them.
    A mark (neither letter nor digit nor space) of the reference counts when the text holds
    none of it; a letter outside ASCII when the text holds no letter outside ASCII at all
    (a scraper that kept ``[A-Za-z]`` turns "café" into "caf").

    >>> sorted(lost_marks("Why did he go He said we are, he added.", "Why did he go? He said: “We are”; he added."))
    [':', ';', '?']
    >>> sorted(lost_marks("the caf in So Paulo", "the café in São Paulo")), lost_marks("a café", "the café and São")
    (['ã', 'é'], frozenset())
    """
    have = set(doc_text)
    ascii_letters_only = not any(c.isalpha() and not c.isascii() for c in have)
    out = set()
    for c in set(ref_text) - have:
        if c.isspace() or c.isdigit() or restorable(c):
            continue
        if c.isalpha():
            if ascii_letters_only and not c.isascii():
                out.add(c)
        elif not c.isalnum():
            out.add(c)
    return frozenset(out)


@lru_cache(maxsize=32)
def _segments(doc_text: str, ref_text: str, passages: tuple[tuple[int, int], ...]) -> tuple[Segment, ...]:
    return tuple(align(doc_text, ref_text, passages, lost_marks(doc_text, ref_text)))


def segments_for(doc_text: str, ref: Article) -> tuple[Segment, ...]:
    """The aligned segments of ``doc_text`` against ``ref``'s content blocks (cached)."""
    return _segments(doc_text, ref.text, tuple((b.start, b.end) for b in ref.content_blocks()))


def _confidence(seg: Segment, start: int, end: int) -> float:
    if seg.ambiguous:
        return CONF_AMBIGUOUS
    noisy = any(not d.restorable and d.start < end + NOISE_WINDOW and d.end > start - NOISE_WINDOW
                for d in seg.diffs)
    if noisy:
        return CONF_NOISY
    if seg.whole and seg.score >= 100:
        return CONF_EXACT
    return CONF_CLOSE if seg.score >= 97 else CONF_NOISY


def _site(doc: str, ref: Article, seg: Segment, start: int, end: int) -> Site | None:
    """The site restoring ``doc[start:end]`` from ``seg``, if the reference only restores it."""
    if start < seg.start or end > seg.end:
        return None
    if any(not d.restorable and d.start <= end and d.end >= start for d in seg.diffs):
        return None
    rs, re_ = seg.ref_offset(start, "left"), seg.ref_offset(end, "right")
    lo_cut, hi_cut = inner_span(ref.text, seg)
    if rs < lo_cut:
        if shared_letters(doc, start, ref.text, rs, -1) < EDGE_CONTEXT or \
                not same_periods(_sentence_to(doc, start), _sentence_to(ref.text, rs)):
            rs = lo_cut  # the end of the sentence before the aligned one: the reference does not vouch for it
        elif start == seg.start:  # it does, by its words: the spaces the lost figures left go with them
            i, j = skip_back(doc, start), skip_back(ref.text, rs)
            if i < start and j < rs:
                start, rs = i, j
    if re_ > hi_cut and (shared_letters(doc, end, ref.text, re_, 1) < EDGE_CONTEXT
                         or not same_periods(_sentence_from(doc, end), _sentence_from(ref.text, re_))):
        re_ = hi_cut  # the start of the sentence after it, likewise
    if re_ < rs:
        return None
    damaged, repaired = doc[start:end], ref.text[rs:re_]
    if not only_restores(damaged, repaired, lost_marks(doc, ref.text)):
        return None
    category = lost_category(damaged, repaired)
    if category is None:
        return None
    if category == "missing-number" and any(not d.restorable for d in seg.diffs) and \
            periods(doc[seg.start:seg.end]) != periods(ref.text[seg.ref_start:seg.ref_end]):
        return None  # the passage is about another period: its figure is not this text's (fact matching decides)
    conf = _confidence(seg, start, end)
    what = f"'{damaged}'" if damaged else "nothing"
    note = (f"The reference reads '{_context(ref.text, rs, re_)}' here "
            f"(passage similarity {seg.score:.0f}/100).")
    suggestion = Suggestion(Span(start, end), repaired, conf,
                            Applicability.SAFE if conf >= HIGH_CONFIDENCE else Applicability.UNSAFE,
                            note, (Evidence(ref.path, rs, re_, repaired),), "reference-aligned")
    message = f"the reference has '{repaired.strip()}' where this text has {what}"
    return Site(Span(start, end), category, message, suggestion, seg, ref)


#: Letters of context (case folded, marks and digits ignored) the damaged text and the reference
#: must share beyond an aligned sentence's own stop for a restoration reaching past it to count.
EDGE_CONTEXT = 16
_STOP_RE = re.compile(r"[.!?][\"”’)\]]*(?=\s)")


def inner_span(ref_text: str, seg: Segment) -> tuple[int, int]:
    """``[start, end)`` of the reference stretch of ``seg`` that its alignment vouches for.

    An aligned segment widens from its sentence's letters over the digits and marks around
    them; past a sentence stop ("… in 1998. With England" aligned by "With England …") those
    belong to the neighbouring sentence, which the alignment did not compare.

    >>> ref = "damage of around $10 billion in 1998. With England visiting. 25 children"
    >>> seg = Segment(0, 0, ref.index("1998"), ref.index(" 25") + 3, 0, 100.0, False, False, ())
    >>> lo, hi = inner_span(ref, seg)
    >>> ref[lo:hi]
    ' With England visiting.'
    """
    lo, hi = seg.ref_start, seg.ref_end
    first = next((i for i in range(lo, hi) if ref_text[i].isalpha()), hi)
    last = next((i + 1 for i in range(hi - 1, lo - 1, -1) if ref_text[i].isalpha()), lo)
    if last <= first:
        return lo, hi
    stops = list(_STOP_RE.finditer(ref_text, lo, first))
    if stops:
        lo = stops[-1].end()
    stop = _STOP_RE.search(ref_text, last, hi)
    if stop:
        hi = stop.end()
    return lo, hi


#: How far (in code points) the sentence of an edge restoration is read for its periods.
_SENTENCE_WINDOW = 400


def _sentence_to(text: str, pos: int) -> str:
    """The sentence of ``text`` up to ``pos``."""
    lo = max(0, pos - _SENTENCE_WINDOW)
    stops = list(_STOP_RE.finditer(text, lo, pos))
    start = max(stops[-1].end() if stops else lo, text.rfind("\n", lo, pos) + 1)
    return text[start:pos]


def _sentence_from(text: str, pos: int) -> str:
    """The sentence of ``text`` from ``pos``."""
    hi = min(len(text), pos + _SENTENCE_WINDOW)
    stop = _STOP_RE.search(text, pos, hi)
    end = stop.end() if stop else hi
    nl = text.find("\n", pos, end)
    return text[pos:nl if nl >= 0 else end]


def same_periods(a: str, b: str) -> bool:
    """False when the two passages name different periods of one kind ("last year" / "this year").

    >>> same_periods("market share over the last year, down to", "market share over this year, down to")
    False
    >>> same_periods("in the fourth quarter sales", "sales rose in December"), same_periods("a", "in 2004")
    (True, True)
    """
    pa, pb = periods(a), periods(b)
    for kind in {period_kind(p) for p in pa} & {period_kind(p) for p in pb}:
        if {p for p in pa if period_kind(p) == kind} != {p for p in pb if period_kind(p) == kind}:
            return False
    return True


def _letters_beside(text: str, pos: int, side: int, width: int) -> str:
    """Up to ``width`` letters (lower case) of ``text`` next to ``pos``, nearest first, looking at most
    ``8 * width`` characters before it (``side`` -1) or after it (1)."""
    if side < 0:
        reach = range(pos - 1, max(-1, pos - 1 - 8 * width), -1)
    else:
        reach = range(pos, min(len(text), pos + 8 * width))
    out: list[str] = []
    for i in reach:
        if text[i].isalpha():
            out.append(text[i].lower())
            if len(out) == width:
                break
    return "".join(out)


def shared_letters(doc: str, pos: int, ref_text: str, ref_pos: int, side: int, width: int = 40) -> int:
    """How many letters (case folded) the two texts share next to ``pos`` / ``ref_pos`` (``side`` -1: before).

    >>> shared_letters("beat Russias Elena Bovina   .", 26, "defeated Russia's Elena Bovina 1-6", 31, -1)
    18
    >>> shared_letters("a clean sweep in .", 17, "around $10 billion in 1998.", 22, -1)
    2
    """
    a, b = _letters_beside(doc, pos, side, width), _letters_beside(ref_text, ref_pos, side, width)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    lo = text.rfind(" ", 0, max(0, start - width)) + 1
    hi = text.find(" ", min(len(text), end + width))
    return " ".join(text[lo:hi if hi >= 0 else len(text)].split())


def site_for_span(doc: str, site: Site, span: Span) -> Site | None:
    """``site`` widened to cover a finding's ``span`` ("th" -> the whole "the th"), if it still only restores."""
    if site.segment is None or site.source is None or site.category == "lost-structure":
        return None
    if any(c.isspace() for c in doc[span.start:span.end]):
        return None  # a span over several words would clash with its neighbours' repairs
    start, end = min(site.span.start, span.start), max(site.span.end, span.end)
    if (start, end) == (site.span.start, site.span.end):
        return None
    return _site(doc, site.source, site.segment, start, end)


def combined(doc: str, sites: list[Site]) -> Site | None:
    """One site covering several sites of the same aligned segment ("in  , was" -> "in 2004 - was")."""
    first = sites[0]
    if first.segment is None or first.source is None or any(
            s.segment is not first.segment or s.category == "lost-structure" for s in sites):
        return None
    start, end = min(s.span.start for s in sites), max(s.span.end for s in sites)
    return _site(doc, first.source, first.segment, start, end)


def aligned_sites(doc: str, ref: Article) -> list[Site]:
    """Every restoration the aligned reference supports, sorted by position."""
    segments = segments_for(doc, ref)
    sites: list[Site] = []
    for seg in segments:
        groups: list[list[int]] = []
        for d in seg.diffs:
            if not d.restorable or d.ref_start == d.ref_end:
                continue
            ts, te = d.start, d.end
            while ts > seg.start and not doc[ts - 1].isspace():
                ts -= 1
            while te < seg.end and not doc[te].isspace():
                te += 1
            if groups and ts <= groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], te)
            else:
                groups.append([ts, te])
        spaces = [d for d in seg.diffs if d.restorable and d.ref_start == d.ref_end]
        for ts, te in groups:
            ts, te = _with_spare_space(doc, seg, spaces, ts, te)
            site = _site(doc, ref, seg, ts, te)
            if site:
                sites.append(site)
    gaps = _gap_sites(doc, ref, segments)
    sites.extend(p for p in _paragraph_sites(doc, ref, segments)  # a gap's restoration holds its breaks
                 if not any(g.span.start <= p.span.start and p.span.end <= g.span.end for g in gaps))
    sites.extend(gaps)
    return sorted(sites, key=lambda s: (s.span.start, s.span.end))


def _matched(text: str, other: str, i: int) -> int:
    """The offset in ``other`` of the character that ``text[i]`` is aligned with (``-1``: none).

    >>> _matched("  Anderson", "\\n\\n: Anderson", 2)
    4
    """
    for op in Indel.opcodes(text, other):
        if op.tag == "equal" and op.src_start <= i < op.src_end:
            return op.dest_start + i - op.src_start
    return -1


#: The longest stretch between two aligned passages that :func:`_gap_sites` restores.
MAX_GAP = 200


def _gap_sites(doc: str, ref: Article, segments: tuple[Segment, ...]) -> list[Site]:
    """Restorations between two consecutive aligned passages, where the reference has a passage
    too short to locate on its own ("78,000", ": Anderson, Diamond.") and the text kept only
    its letters and commas: the reference's stretch, if it only restores the text's.
    """
    out: list[Site] = []
    extra = lost_marks(doc, ref.text)
    pairs: list[tuple[Segment | None, Segment | None]] = list(zip(segments, segments[1:], strict=False))
    if segments:
        pairs += [(None, segments[0]), (segments[-1], None)]  # the text's head and tail
    for a, b in pairs:
        if a is not None and b is not None and (b.start < a.end or b.ref_start < a.ref_end or b.passage <= a.passage):
            continue
        start, end = (a.end if a else 0), (b.start if b else len(doc))
        ref_start, ref_end = (a.ref_end if a else 0), (b.ref_start if b else len(ref.text))
        gap, ref_gap = doc[start:end], ref.text[ref_start:ref_end]
        if not ref_gap.strip() or len(ref_gap) > MAX_GAP or not only_restores(gap, ref_gap, extra):
            continue
        conf = min([CONF_BOUNDARY] + ([_confidence(a, a.end, a.end)] if a else [])
                   + ([_confidence(b, b.start, b.start)] if b else []))
        # the breaks around the short passage, and the passage itself (which findings inside it take)
        lead, trail = len(gap) - len(gap.lstrip()), len(gap) - len(gap.rstrip())
        ref_lead, ref_trail = _matched(gap, ref_gap, lead), len(ref_gap) - _matched(gap, ref_gap, len(gap) - trail - 1) - 1
        if ref_lead < 0 or ref_trail > len(ref_gap) or lead + trail >= len(gap) or ref_lead + ref_trail >= len(ref_gap):
            parts = [(start, end, ref_start, ref_end)]
        else:
            parts = [(start, start + lead, ref_start, ref_start + ref_lead),
                     (start + lead, end - trail, ref_start + ref_lead, ref_end - ref_trail),
                     (end - trail, end, ref_end - ref_trail, ref_end)]
        for s0, e0, r0, r1 in parts:
            piece, ref_piece = doc[s0:e0], ref.text[r0:r1]
            if piece == ref_piece or not only_restores(piece, ref_piece, extra):
                continue
            category = "lost-structure" if ref_piece.count("\n") > piece.count("\n") else lost_category(piece, ref_piece)
            if category is None or (category == "lost-structure" and piece.strip()):
                continue  # several short passages run together: where each mark goes is not certain
            note = f"The reference has '{' '.join(ref_gap.split())}' beside the aligned passage."
            suggestion = Suggestion(Span(s0, e0), ref_piece, conf, Applicability.UNSAFE, note,
                                    (Evidence(ref.path, r0, r1, ref_piece),), "reference-aligned")
            message = (f"the reference has a paragraph break here ('{' '.join(ref_gap.split())}')"
                       if category == "lost-structure" and not ref_piece.strip()
                       else f"the reference has '{' '.join(ref_piece.split())}' beside the aligned passage")
            out.append(Site(Span(s0, e0), category, message, suggestion))
    return out


def _with_spare_space(doc: str, seg: Segment, spaces: list[Diff], ts: int, te: int) -> tuple[int, int]:
    """Widen a site over a neighbouring run of spaces that holds a space the reference lacks.

    Restoring "1990s -" into "in   was" leaves a doubled space unless the spare one goes too.
    """
    j = te
    while j < seg.end and doc[j] in " \t":
        j += 1
    if any(te <= d.start and d.end <= j for d in spaces):
        te = j
    i = ts
    while i > seg.start and doc[i - 1] in " \t":
        i -= 1
    if any(i <= d.start and d.end <= ts for d in spaces):
        ts = i
    return ts, te


def _paragraph_sites(doc: str, ref: Article, segments: tuple[Segment, ...]) -> list[Site]:
    """Paragraph breaks the reference has between two consecutive aligned passages."""
    out: list[Site] = []
    for a, b in zip(segments, segments[1:], strict=False):
        if b.passage != a.passage + 1 or a.end > b.start:
            continue
        gap, ref_gap = doc[a.start:b.start][a.end - a.start:], ref.text[a.ref_end:b.ref_start]
        if "\n" in gap or gap.strip() or "\n" not in ref_gap or ref_gap.strip():
            continue
        conf = min(_confidence(a, a.end, a.end), _confidence(b, b.start, b.start))
        note = "The reference starts a new paragraph here: '" + _context(ref.text, b.ref_start, b.ref_start) + "'."
        suggestion = Suggestion(Span(a.end, b.start), ref_gap, conf,
                                Applicability.SAFE if conf >= HIGH_CONFIDENCE else Applicability.UNSAFE,
                                note, (Evidence(ref.path, a.ref_end, b.ref_start, ref_gap),), "reference-aligned")
        out.append(Site(Span(a.end, b.start), "lost-structure", "the reference has a paragraph break here",
                        suggestion))
    done = {(s.span.start, s.span.end) for s in out}
    blocks = ref.content_blocks()
    for seg in segments:
        if not seg.whole or seg.ambiguous:
            continue
        block = blocks[seg.passage]
        for site in (_edge(doc, ref, seg, block.start, True), _edge(doc, ref, seg, block.end, False)):
            if site is None or any(site.span.start < e and s < site.span.end or (s, e) == (site.span.start,
                                   site.span.end) for s, e in done):
                continue
            if any(other.start < site.span.end and site.span.start < other.end for other in segments):
                continue  # the gap reaches into another aligned passage
            done.add((site.span.start, site.span.end))
            out.append(site)
    return out


def _edge(doc: str, ref: Article, seg: Segment, block_edge: int, start: bool) -> Site | None:
    """A paragraph break at one edge of a whole aligned passage, where the text runs on."""
    text = ref.text
    inner = text[block_edge:seg.ref_start] if start else text[seg.ref_end:block_edge]
    if any(c.isalpha() for c in inner):
        return None  # the segment does not reach the passage's edge
    k = block_edge
    if start:
        while k > 0 and text[k - 1].isspace():
            k -= 1
        sep, ev_start, ev_end = text[k:block_edge], k, block_edge
    else:
        while k < len(text) and text[k].isspace():
            k += 1
        sep, ev_start, ev_end = text[block_edge:k], block_edge, k
    if "\n" not in sep or (start and k == 0) or (not start and k == len(text)):
        return None
    i = j = seg.start if start else seg.end
    if start:
        while i > 0 and doc[i - 1] in " \t":
            i -= 1
    else:
        while j < len(doc) and doc[j] in " \t":
            j += 1
    if i == 0 or j == len(doc) or doc[i - 1].isspace() or doc[j].isspace():
        return None  # start or end of the text, or a line break already there
    conf = min(CONF_BOUNDARY, _confidence(seg, seg.start, seg.start) if start else _confidence(seg, seg.end, seg.end))
    anchor = seg.ref_start if start else seg.ref_end
    note = f"The reference passage {'starts' if start else 'ends'} here: '{_context(text, anchor, anchor)}'."
    suggestion = Suggestion(Span(i, j), sep, conf, Applicability.UNSAFE, note,
                            (Evidence(ref.path, ev_start, ev_end, sep),), "reference-aligned")
    return Site(Span(i, j), "lost-structure", "the reference has a paragraph break here", suggestion)
