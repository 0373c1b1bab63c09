"""Decoding and offsets: every span is code points into the original text."""

from __future__ import annotations

import codecs

import pytest

from repairkit.document import Document, InputError, OffsetMap, decode_bytes, encode_text


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"plain", "utf-8", "plain"),
        (codecs.BOM_UTF8 + "caf\u00e9".encode(), "utf-8-sig", "caf\u00e9"),
        (codecs.BOM_UTF16_LE + "x\U0001F642y".encode("utf-16-le"), "utf-16-le", "x\U0001F642y"),
        (codecs.BOM_UTF16_BE + "abc".encode("utf-16-be"), "utf-16-be", "abc"),
        (b"", "utf-8", ""),
    ],
)
def test_decode_round_trip(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.text == text
    assert encode_text(decoded.text, decoded.encoding) == data


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", "binary"),
        (bytes(range(0, 32)) * 10, "binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
    ],
)
def test_decode_rejects_non_text(data: bytes, needle: str) -> None:
    with pytest.raises(InputError, match=needle):
        decode_bytes(data, "f.txt")


def test_sha256_is_of_input_bytes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + b"hi\r\n")
    doc = Document.read(p)
    import hashlib

    assert doc.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()
    assert doc.text == "hi\r\n"  # BOM dropped, CRLF kept exactly


def test_read_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Document.read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        Document.read(tmp_path)


@pytest.mark.parametrize(
    ("text", "needle", "line", "col"),
    [
        ("abc\ndef", "e", 2, 2),
        ("abc\r\ndef", "d", 2, 1),
        ("abc\r\ndef", "\r", 1, 4),
        ("\U0001F642\U0001F642x", "x", 1, 3),  # emoji: one code point each
        ("na\u00efve\ncaf\u00e9 ok", "ok", 2, 6),
        ("e\u0301t\u00e9", "t", 1, 3),  # combining accent counts as a code point
        ("", "", 1, 1),
    ],
)
def test_line_col(text: str, needle: str, line: int, col: int) -> None:
    doc = Document.from_text(text)
    assert doc.line_col(text.index(needle)) == (line, col)


def test_line_col_end_of_text_and_bounds():
    doc = Document.from_text("ab\n")
    assert doc.line_col(3) == (2, 1)
    with pytest.raises(ValueError):
        doc.line_col(4)


def test_line_span_strips_crlf():
    doc = Document.from_text("one\r\ntwo\nthree")
    assert [doc.text[slice(*doc.line_span(i))] for i in (1, 2, 3)] == ["one", "two", "three"]


def test_offset_map_folds_whitespace():
    original = "a \u00a0 b\tc"
    m = OffsetMap.build(original, [(0, 1), (1, 4, " "), (4, 5), (5, 6, " "), (6, 7)])
    assert m.view == "a b c"
    for view_index, ch in enumerate(m.view):
        if ch != " ":
            assert original[m.to_original(view_index)] == ch
    assert m.to_original(len(m.view)) == len(original)
