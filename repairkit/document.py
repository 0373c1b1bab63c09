"""The document model: original text (never changed), decoding, line index, offset maps.

Every span in repairkit is a ``[start, end)`` pair of code-point offsets into
``Document.text``, the decoded original. Line and column are derived from it.

>>> doc = Document.from_text("héllo\\r\\nwörld 🙂!")
>>> doc.line_col(doc.text.index("w"))
(2, 1)
>>> doc.line_col(doc.text.index("!"))
(2, 8)
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


#: Share of undecodable bytes above which a file is taken to be binary, not text in another encoding.
BINARY_SHARE = 0.1
#: Share of control characters (and their least number) above which a decoded file is binary;
#: below it, stray control characters are text damage that RK802 reports.
BINARY_CONTROL_SHARE, BINARY_CONTROL_MIN = 0.3, 8
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")


class InputError(Exception):
    """An input that cannot be read as text; the message says what to do next."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text with the facts needed to write it back byte for byte."""

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"
    bom: bytes


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; refuse anything else.

    >>> decode_bytes(b"\\xef\\xbb\\xbfhi").encoding
    'utf-8-sig'
    >>> decode_bytes("hi".encode("utf-16")).text
    'hi'
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding, bom, body = "utf-8-sig", codecs.BOM_UTF8, data[3:]
        codec = "utf-8"
    elif data.startswith(codecs.BOM_UTF16_LE):
        encoding, bom, body, codec = "utf-16-le", codecs.BOM_UTF16_LE, data[2:], "utf-16-le"
    elif data.startswith(codecs.BOM_UTF16_BE):
        encoding, bom, body, codec = "utf-16-be", codecs.BOM_UTF16_BE, data[2:], "utf-16-be"
    else:
        encoding, bom, body, codec = "utf-8", b"", data, "utf-8"
    binary = InputError(f"{name}: looks like a binary file, not text")
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        if codec == "utf-8" and (b"\x00" in body or _undecodable_share(body) > BINARY_SHARE):
            raise binary from None
        raise InputError(
            f"{name}: not valid {codec.upper()} (byte {exc.start + len(bom)}: {exc.reason}); "
            "repairkit reads UTF-8 or UTF-16 with a BOM; convert the file first "
            "(e.g. iconv -f cp1252 -t utf-8)"
        ) from None
    if "\x00" in text:  # a NUL never belongs to text; other controls are damage RK802 reports
        raise binary
    controls = len(_CONTROL_RE.findall(text))
    if controls >= BINARY_CONTROL_MIN and controls / len(text) > BINARY_CONTROL_SHARE:
        raise InputError(f"{name}: looks like a binary file, not text ({controls} control characters)")
    return Decoded(text=text, encoding=encoding, bom=bom)


def _undecodable_share(data: bytes) -> float:
    """Share of the bytes of ``data`` that are not valid UTF-8.

    >>> _undecodable_share(b"caf\\xe9 ok!"), _undecodable_share(b"\\xff\\xfe\\xfa\\xfb")
    (0.125, 1.0)
    """
    return (len(data) - len(data.decode("utf-8", "ignore").encode("utf-8"))) / max(len(data), 1)


def read_input(path: str | os.PathLike[str], directory_hint: str, what: str = "file") -> bytes:
    """The bytes of ``path``; a missing file, a directory or an unreadable file is an :class:`InputError`."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what}") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; {directory_hint}") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read {what} ({exc.strerror})") from None


def encode_text(text: str, encoding: str) -> bytes:
    """Encode ``text`` back with the encoding (and BOM) it was read with.

    >>> encode_text("hi", "utf-8-sig")
    b'\\xef\\xbb\\xbfhi'
    """
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode("utf-8")


@dataclass(eq=False)
class Document:
    """A text under examination. ``text`` is the decoded original and is never changed."""

    path: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    _line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """Build a document from a string (tests, pipelines)."""
        return cls(path=path, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> Document:
        """Decode bytes read from ``path``; raises :class:`InputError` for non-text."""
        decoded = decode_bytes(data, path)
        return cls(path=path, text=decoded.text, sha256=hashlib.sha256(data).hexdigest(),
                   encoding=decoded.encoding)

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> Document:
        """Read and decode a file; every failure is an :class:`InputError`."""
        data = read_input(path, "give a file, or a directory to scan its *.txt/*.md")
        return cls.from_bytes(data, str(path))

    def __len__(self) -> int:
        return len(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside 0..{len(self.text)}")
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """``[start, end)`` of 1-based ``line``, without its line break."""
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end


class OffsetMap:
    """Maps offsets of a normalised view back to the original text.

    Build it from pieces: each piece is (view_text, original_start, original_end).

    >>> m = OffsetMap.build("a  b", [(0, 1), (1, 3, " "), (3, 4)])
    >>> m.view
    'a b'
    >>> m.to_original(2), m.to_original(3)
    (3, 4)
    """

    def __init__(self, view: str, view_starts: Sequence[int], orig_starts: Sequence[int],
                 orig_ends: Sequence[int]) -> None:
        self.view = view
        self._view_starts = list(view_starts)
        self._orig_starts = list(orig_starts)
        self._orig_ends = list(orig_ends)

    @classmethod
    def build(cls, original: str, pieces: Sequence[tuple[int, int] | tuple[int, int, str]]) -> OffsetMap:
        """Pieces cover the original in order; a third item replaces that stretch in the view."""
        out: list[str] = []
        vs: list[int] = []
        os_: list[int] = []
        oe: list[int] = []
        pos = 0
        for piece in pieces:
            start, end = piece[0], piece[1]
            chunk = piece[2] if len(piece) == 3 else original[start:end]  # type: ignore[misc]
            vs.append(pos)
            os_.append(start)
            oe.append(end)
            out.append(chunk)
            pos += len(chunk)
        vs.append(pos)
        os_.append(len(original))
        oe.append(len(original))
        return cls("".join(out), vs, os_, oe)

    def to_original(self, view_offset: int) -> int:
        """Original offset of a view offset; inside a replaced stretch, its start (or end at its end)."""
        i = bisect.bisect_right(self._view_starts, view_offset) - 1
        start_view = self._view_starts[i]
        o_start, o_end = self._orig_starts[i], self._orig_ends[i]
        delta = view_offset - start_view
        view_len = (self._view_starts[i + 1] - start_view) if i + 1 < len(self._view_starts) else 0
        if view_len == o_end - o_start:  # copied verbatim: exact
            return o_start + delta
        return o_end if delta >= view_len and view_len else o_start
