"""Batch input: documents read one at a time from a JSONL stream or a directory, in input order.

A JSONL line is ``{"id", "text", "reference_ids"?: [...]}``; a line that cannot be used becomes a
record with an ``error`` (the run goes on). A directory gives its ``*.txt``/``*.md`` files in the
order ``repairkit scan DIR`` reads them, walked lazily.

>>> import io
>>> lines = io.BytesIO(b'{"id": "a", "text": "the th summit"}\\n\\nnot json\\n{"text": "no id"}\\n')
>>> [(r.number, r.id, r.error is None) for r in read_jsonl(lines)]
[(1, 'a', True), (3, None, False), (4, 4, True)]
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from repairkit.batching.evidence import LineEvidence
from repairkit.document import InputError

TEXT_SUFFIXES = (".txt", ".md")

#: A record's id: a JSONL record's own (string or integer), its line number, or a file's path.
RecordId = str | int


@dataclass(frozen=True, slots=True)
class Record:
    """One input document, or the reason it cannot be read.

    ``number`` is the 1-based line (JSONL) or file number; ``data`` holds a file's bytes (decoded
    by the worker, as ``scan`` decodes files), ``text`` a JSONL record's text; ``evidence`` what
    the whole run says about its lines (:mod:`repairkit.batching.evidence`).
    """

    number: int
    id: RecordId | None
    path: str
    text: str | None = None
    data: bytes | None = None
    reference_ids: tuple[str, ...] | None = None
    error: str | None = None
    from_line: bool = True
    evidence: LineEvidence | None = None

    @property
    def key(self) -> str:
        """What ``--resume`` matches on: the id, or the line number of a line without a usable id."""
        return result_key(self.id, self.number if self.from_line else None)

    @property
    def size(self) -> int:
        """Input bytes (for throughput figures)."""
        if self.data is not None:
            return len(self.data)
        return len(self.text.encode("utf-8")) if self.text is not None else 0


def result_key(ident: Any, line: int | None) -> str:
    """The resume key of an output line's ``id`` and ``line``.

    >>> result_key("a", 3), result_key(7, 7), result_key(None, 3)
    ('"a"', '7', 'line 3')
    """
    return f"line {line}" if ident is None else json.dumps(ident, ensure_ascii=False)


def record_from_mapping(obj: Any, number: int, source: str = "<records>") -> Record:
    """Check one parsed JSONL object; a bad one becomes a :class:`Record` with an ``error``.

    >>> record_from_mapping({"id": "x", "text": 5}, 2).error
    'line 2: "text" must be a string'
    >>> record_from_mapping({"id": "x", "text": "t", "reference_ids": ["r1"]}, 2).reference_ids
    ('r1',)
    """
    if not isinstance(obj, Mapping):
        return Record(number, None, source, error=f"line {number}: expected a JSON object, got {type(obj).__name__}")
    ident = obj.get("id", number)
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        return Record(number, None, source, error=f'line {number}: "id" must be a string or an integer')
    text = obj.get("text")
    if text is None:
        return Record(number, ident, str(ident), error=f'line {number}: no "text"')
    if not isinstance(text, str):
        return Record(number, ident, str(ident), error=f'line {number}: "text" must be a string')
    refs = obj.get("reference_ids")
    if refs is not None and (not isinstance(refs, list) or not all(isinstance(r, str) for r in refs)):
        return Record(number, ident, str(ident), error=f'line {number}: "reference_ids" must be a list of strings')
    return Record(number, ident, str(ident), text=text, reference_ids=tuple(refs) if refs is not None else None)


def read_jsonl(stream: IO[bytes], source: str = "<stdin>") -> Iterator[Record]:
    """Records of a JSONL byte stream, one line at a time; blank lines are skipped."""
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Record(number, None, source, error=f"line {number}: not UTF-8 (byte {exc.start}: {exc.reason})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(number, None, source, error=f"line {number}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        yield record_from_mapping(obj, number, source)


def _walk(folder: Path) -> Iterator[Path]:
    """Text files under ``folder`` in ``sorted(rglob)`` order, one directory listing at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"{folder}: cannot read directory ({exc.strerror})") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif Path(entry.name).suffix.lower() in TEXT_SUFFIXES and entry.is_file():
            yield Path(entry.path)


def read_directory(folder: Path) -> Iterator[Record]:
    """Records of the ``*.txt``/``*.md`` files under ``folder``; the id is the path inside it."""
    for number, path in enumerate(_walk(folder), 1):
        ident = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Record(number, ident, str(path), error=f"{path}: cannot read ({exc.strerror})", from_line=False)
            continue
        yield Record(number, ident, str(path), data=data, from_line=False)


def _with_first(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest


def open_records(source: str | os.PathLike[str]) -> Iterator[Record]:
    """The records of a batch INPUT: ``-`` (standard input), a JSONL file or a directory.

    A missing input, or a directory without text files, is an :class:`InputError` (a usage
    error); everything else wrong with the input becomes error records.
    """
    if str(source) == "-":
        return read_jsonl(sys.stdin.buffer, "<stdin>")
    path = Path(source)
    if path.is_dir():
        records = read_directory(path)
        first = next(records, None)
        if first is None:
            raise InputError(f"{path}: directory has no *.txt or *.md files to scan")
        return _with_first(first, records)
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return _closing(stream, read_jsonl(stream, str(path)))


def _closing(stream: IO[bytes], records: Iterator[Record]) -> Iterator[Record]:
    with stream:
        yield from records


def records_from(items: Iterable[Mapping[str, Any] | str]) -> Iterator[Record]:
    """Records of in-memory items (the Python API): mappings as JSONL lines, or bare texts.

    >>> [(r.id, r.text) for r in records_from(["first text", {"id": "b", "text": "second"}])]
    [(1, 'first text'), ('b', 'second')]
    """
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            yield Record(number, number, str(number), text=item)
        else:
            yield record_from_mapping(item, number)
