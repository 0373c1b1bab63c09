"""Batch-level evidence: a line repeated across many documents of a run is page furniture (RK950).

A site's header, byline, promo or footer line comes back in document after document of a crawl,
while an article's own lines do not. One document cannot show that; a run can. The run is read
twice: a first pass counts, for every short line, the documents that hold it; the second (the
scan) attaches to each document the counts of its repeated lines (:class:`LineEvidence`), and
:func:`with_repeated_lines` turns them into findings. The evidence is complete before the first
document is scanned, so the output is the same for any number of workers, local or on Dask, and
for a run resumed after a kill.

Memory stays bounded however long the run: the counts live in a count-min sketch
(:class:`LineCounter`, a fixed table, :data:`SKETCH_DEPTH` x :data:`SKETCH_WIDTH` counters, 32 MB),
not in a table of every line seen; a count it gives is never below the true one, and above it
only by collisions, which its width makes rare (its ``overcount`` bound is added to the
threshold). A document seen before (the same text) counts once: a crawl fetches pages twice.

>>> counter = LineCounter()
>>> docs = [f"Story {i} is here, with its own words.\\nSubscribe to our newsletter\\n" for i in range(6)]
>>> for text in docs + [docs[0]]:
...     counter.add(text)
>>> counter.documents
6
>>> evidence = counter.evidence(docs[0])
>>> evidence.lines
(('subscribe to our newsletter', 6),)
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from repairkit.config import Config
from repairkit.document import Document, InputError
from repairkit.model import Finding, Span, Suggestion
from repairkit.page_furniture import normalise_line
from repairkit.pipeline import DocumentResult
from repairkit.spec import DetectorSpec
from repairkit.suppress import suppressed

if TYPE_CHECKING:
    from repairkit.batching.records import Record

#: The rule this evidence feeds (its spec lives in :mod:`repairkit.detectors.repeated_lines`).
REPEATED_LINE_CODE = "RK950"
#: A line is repeated when at least this many distinct documents of the run hold it.
MIN_DOCUMENTS = 5
#: Longer lines are prose (a syndicated paragraph), not furniture; lines without a letter are rules, numbers.
MAX_LINE_WORDS = 40
SKETCH_DEPTH = 4
SKETCH_WIDTH = 1 << 21
#: Bits of the filter of documents already counted (a false "seen" only leaves one document uncounted).
SEEN_BITS = 1 << 24
_MASK = SKETCH_WIDTH - 1


def candidate_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, normalised form)`` of each line of ``text`` that could be furniture.

    >>> [(s, e, n) for s, e, n in candidate_lines("Share this:\\n\\n2019\\nA line.")]
    [(0, 11, 'share this'), (18, 25, 'a line')]
    """
    start = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        norm = normalise_line(body)
        if norm and len(norm.split()) <= MAX_LINE_WORDS and any(c.isalpha() for c in norm):
            lead = len(body) - len(body.lstrip())
            yield start + lead, start + len(body.rstrip()), norm
        start += len(line)


def _slots(key: str) -> list[int]:
    """The sketch column of ``key`` in each row (from one stable hash, the same in every process)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4 * SKETCH_DEPTH).digest()
    return [row * SKETCH_WIDTH + (int.from_bytes(digest[4 * row:4 * row + 4], "little") & _MASK)
            for row in range(SKETCH_DEPTH)]


@dataclass(frozen=True, slots=True)
class LineEvidence:
    """What the run says about one document's lines: each repeated line (normalised) and its document count."""

    documents: int
    lines: tuple[tuple[str, int], ...]

    def count(self, norm: str) -> int:
        """Documents of the run that hold the line ``norm`` (0 when it is not repeated)."""
        return next((n for line, n in self.lines if line == norm), 0)


class LineCounter:
    """Counts, for every candidate line, the distinct documents of a run that hold it, in fixed memory."""

    def __init__(self) -> None:
        self._table = array("I", bytes(4 * SKETCH_DEPTH * SKETCH_WIDTH))
        self._seen = bytearray(SEEN_BITS // 8)
        self.documents = 0
        self.insertions = 0

    def _first_sight(self, text: str) -> bool:
        """Whether ``text`` is a document not counted before (a Bloom filter of document hashes)."""
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        bits = [int.from_bytes(digest[4 * i:4 * i + 4], "little") % SEEN_BITS for i in range(4)]
        new = not all(self._seen[b >> 3] & (1 << (b & 7)) for b in bits)
        for b in bits:
            self._seen[b >> 3] |= 1 << (b & 7)
        return new

    def add(self, text: str) -> None:
        """Count the lines of one document (each distinct line once; a document seen before not at all)."""
        if not self._first_sight(text):
            return
        self.documents += 1
        table = self._table
        for norm in {norm for _, _, norm in candidate_lines(text)}:
            slots = _slots(norm)
            low = min(table[s] for s in slots) + 1
            for s in slots:  # conservative update: raise only the counters below the new estimate
                if table[s] < low:
                    table[s] = low
            self.insertions += 1

    def estimate(self, norm: str) -> int:
        """Documents holding the line ``norm``: never fewer than the true count."""
        return min(self._table[s] for s in _slots(norm))

    @property
    def threshold(self) -> int:
        """The count at which a line is repeated: :data:`MIN_DOCUMENTS` plus the sketch's expected overcount."""
        return MIN_DOCUMENTS + self.insertions // SKETCH_WIDTH

    def evidence(self, text: str) -> LineEvidence | None:
        """The repeated lines of a document of this run, or ``None`` when it has none."""
        if self.documents < MIN_DOCUMENTS:
            return None
        found: dict[str, int] = {}
        for _, _, norm in candidate_lines(text):
            if norm not in found and (n := self.estimate(norm)) >= self.threshold:
                found[norm] = min(n, self.documents)
        return LineEvidence(self.documents, tuple(found.items())) if found else None


def with_repeated_lines(result: DocumentResult, evidence: LineEvidence | None, rules: Sequence[DetectorSpec],
                        config: Config | None = None) -> DocumentResult:
    """``result`` with the run's evidence about its lines, when RK950 is among ``rules``.

    A repeated line inside a finding of page furniture (RK901, ...) gets no finding of its own:
    that finding's message says the line recurs across the run. Any other repeated line becomes
    an RK950 finding. Inline ``repairkit: ignore`` directives and ``per-file-ignores`` apply.
    """
    spec = next((s for s in rules if s.code == REPEATED_LINE_CODE), None)
    if evidence is None or spec is None:
        return result
    severity = (config.severity_overrides.get(spec.code) if config else None) or spec.severity
    doc = result.document
    findings = list(result.findings)
    amended: dict[int, list[str]] = {}
    added = []
    for start, end, norm in candidate_lines(doc.text):
        count = evidence.count(norm)
        if not count:
            continue
        where = f"in {count:,} of the {evidence.documents:,} documents of this run"
        covering = [i for i, f in enumerate(findings)
                    if f.category == spec.category and f.span.start <= start and end <= f.span.end]
        for i in covering:
            amended.setdefault(i, []).append(where)
        if covering:
            continue
        note = (f"This line is {where}: page furniture (a site's header, byline, promo or footer), not this "
                "document's own text. Delete it where it is not part of the article.")
        added.append(Finding(spec.code, spec.name, spec.category, severity, Span(start, end),
                             f"repeated line: '{doc.text[start:end]}' is {where}",
                             (Suggestion.unknown(Span(start, end), note),)))
    for i, places in amended.items():
        lines = "a line of it is" if len(places) == 1 else f"{len(places)} lines of it are"
        findings[i] = replace(findings[i], message=f"{findings[i].message}; {lines} {places[0]}: page furniture")
    findings.extend(suppressed(doc, added, config))
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return replace(result, findings=findings)


def with_run_evidence(results: Sequence[DocumentResult], rules: Sequence[DetectorSpec],
                      config: Config | None = None) -> list[DocumentResult]:
    """Results of one run (``scan DIR``: all in memory already) with the evidence of its repeated lines.

    >>> from repairkit.document import Document
    >>> from repairkit.pipeline import scan_document, select_rules
    >>> rules = select_rules(Config(select=("RK950",)))
    >>> docs = [Document.from_text(f"Story {i}.\\nSubscribe to our newsletter\\n", f"{i}.txt") for i in range(5)]
    >>> out = with_run_evidence([scan_document(d, rules) for d in docs], rules)
    >>> [(f.code, f.message) for f in out[0].findings]
    [('RK950', "repeated line: 'Subscribe to our newsletter' is in 5 of the 5 documents of this run")]
    """
    if not any(s.code == REPEATED_LINE_CODE for s in rules):
        return list(results)
    counter = LineCounter()
    for r in results:
        counter.add(r.document.text)
    return [with_repeated_lines(r, counter.evidence(r.document.text), rules, config) for r in results]


def _text_of(record: Record) -> str | None:
    """The text a record's document will have (a file's bytes decoded as the worker decodes them)."""
    if record.error is not None:
        return None
    if record.data is None:
        return record.text
    try:
        return Document.from_bytes(record.data, record.path).text
    except InputError:
        return None  # the worker reports it


def _spooled(records: Iterable[Record], counter: LineCounter) -> Iterator[Record]:
    """Count ``records`` while writing them to a temporary file, then read them back (one-shot inputs)."""
    with tempfile.TemporaryFile() as spool:
        for record in records:
            if (text := _text_of(record)) is not None:
                counter.add(text)
            pickle.dump(record, spool, pickle.HIGHEST_PROTOCOL)
        spool.seek(0)
        while True:
            try:
                yield pickle.load(spool)
            except EOFError:
                return


def with_line_evidence(records: Iterable[Record], reopen: Callable[[], Iterable[Record]] | None = None
                       ) -> Iterator[Record]:
    """``records`` with the run's evidence about their lines: read once to count, then again to attach it.

    ``reopen`` reads the input again (a file, a directory, a list); without it the records are
    kept in a temporary file for the second pass (standard input, a generator). Memory stays
    bounded either way; the first record comes once the whole input has been counted.
    """
    counter = LineCounter()
    if reopen is not None:
        for record in records:
            if (text := _text_of(record)) is not None:
                counter.add(text)
        second: Iterable[Record] = reopen()
    else:
        second = _spooled(records, counter)
    for record in second:
        text = _text_of(record)
        yield replace(record, evidence=counter.evidence(text)) if text is not None else record
