"""Paragraphs and lines of a document as code-point spans of the original text.

>>> text = "First line.\\nstill first.\\n\\n  Second.\\n"
>>> [text[s:e] for s, e in paragraphs(text)]
['First line.\\nstill first.', 'Second.']
>>> [text[s:e] for s, e in lines(text)]
['First line.', 'still first.', '', '  Second.', '']
"""

from __future__ import annotations

import re

#: Possessive (``*+``): nothing follows the group, so it never gives back, and without it sre keeps
#: a backtrack entry per character of a paragraph (about 116 bytes each: 117 MB for a 1 MB line).
_PARAGRAPH_RE = re.compile(r"\S(?:.|\n(?![ \t\r]*\n))*+", re.MULTILINE)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each paragraph: text between blank lines, without outer whitespace."""
    out = []
    for m in _PARAGRAPH_RE.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in " \t\r\n":
            end -= 1
        out.append((m.start(), end))
    return out


def lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each line, without its line break (and ``\\r``)."""
    out = []
    start = 0
    for m in re.finditer(r"\r?\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out
