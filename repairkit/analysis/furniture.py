"""Page furniture and template leaks as facts about a text: which lines are boilerplate blocks.

The boilerplate family reports the blocks; other families leave the characters inside them
alone (a quotation mark in a comment form is not a missing quote).
"""

from __future__ import annotations

import re

from repairkit.analysis.blocks import lines
from repairkit.page_furniture import is_boilerplate_line

#: Placeholders left by template engines and scripts; each pattern is unambiguous in prose.
PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[A-Za-z_][\w.]*\s*\}\}"            # {{ title }}  (Jinja, Mustache, Handlebars)
    r"|\$\{[A-Za-z_][\w.]*\}"                   # ${var}       (JavaScript, shell)
    r"|\{[a-z_][a-z0-9_]*(?:\.\w+)*\}"          # {name}       (str.format)
    r"|%\([A-Za-z_]\w*\)[sdif]"                 # %(user)s     (printf with names)
    r"|(?<![\w%])%[sd](?![\w%])"                # %s, %d       (printf)
    r"|\[object Object\]"                        # a JavaScript object printed as text
    r"|(?<![\w.])NaN(?![\w.])"                   # a JavaScript number that failed
)
#: ``undefined``/``null`` are English words; only where a value belongs (after a label or
#: alone on a line) are they leaks.
VALUE_WORD_RE = re.compile(r"(?:(?<=:\s)|(?<=:)|(?<=\|\s)|^)(undefined|null)\s*$", re.MULTILINE)


def _is_leak_line(line: str) -> bool:
    """A short line that is little more than a leaked placeholder ("Connecting to %s")."""
    stripped = line.strip()
    return 0 < len(stripped) <= 60 and bool(PLACEHOLDER_RE.search(stripped) or VALUE_WORD_RE.search(stripped))


def boilerplate_blocks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each run of boilerplate lines (blank lines between them allowed).

    >>> text = "Text (open.\\n\\nYou are commenting using your account. Log Out /  Change )"
    >>> [text[a:b][:22] for a, b in boilerplate_blocks(text)]
    ['You are commenting usi']
    """
    blocks: list[list[int]] = []
    for start, end in lines(text):
        line = text[start:end]
        if is_boilerplate_line(line):
            if blocks and blocks[-1][2]:  # still open: extend over blank and leak lines
                blocks[-1][1] = end
            else:
                blocks.append([start, end, 1])
        elif not line.strip():
            continue
        elif _is_leak_line(line) and blocks and blocks[-1][2]:
            blocks[-1][1] = end  # "Connecting to %s" after a comment form goes with it
        else:
            if blocks:
                blocks[-1][2] = 0
    return [(b[0], b[1]) for b in blocks]
