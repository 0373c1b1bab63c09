"""A rule's documentation as people read it: without its doctests and reStructuredText markup.

A rule's docstring doubles as its test (the doctest at the end) and is written in
reStructuredText (````literal````); ``repairkit explain`` and SARIF rule help show it to
editors and CI users, who need neither.

>>> doc = '''Flags X.
...
... Example: ``the th summit`` -> "24th".
...
... >>> find(Document.from_text("x"))
... []
... '''
>>> print(help_text(doc))
Flags X.
<BLANKLINE>
Example: "the th summit" -> "24th".
>>> print(help_markdown(doc).splitlines()[-1])
Example: `the th summit` -> "24th".
"""

from __future__ import annotations

import re

_LITERAL_RE = re.compile(r"``(.+?)``")
_ROLE_RE = re.compile(r":[a-z]+:`~?([^`]+)`")


def _without_doctests(doc: str) -> list[str]:
    """The lines of ``doc`` less its doctest examples (a ``>>>`` line up to the next blank line)."""
    out: list[str] = []
    in_example = False
    for line in doc.splitlines():
        if line.lstrip().startswith(">>>"):
            in_example = True
        elif not line.strip():
            in_example = False
        if not in_example:
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def help_text(doc: str) -> str:
    """Plain text: doctests dropped, ````x```` quoted as "x", roles (:func:`f`) as their name."""
    lines = _without_doctests(doc)
    return "\n".join(_ROLE_RE.sub(r"\1", _LITERAL_RE.sub(r'"\1"', line)) for line in lines)


def help_markdown(doc: str) -> str:
    """Markdown: doctests dropped, ````x```` as inline code, roles as inline code."""
    lines = _without_doctests(doc)
    return "\n".join(_ROLE_RE.sub(r"`\1`", _LITERAL_RE.sub(r"`\1`", line)) for line in lines)
