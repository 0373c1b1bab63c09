"""How ``fix`` shows its changes: a unified diff of lines, or a word diff for long lines.

A one-line article (thousands of characters on one line) makes a line diff useless: two edits
print the whole line twice. The word diff shows each change in a few words of context, as
``[-old-]{+new+}`` (git's ``--word-diff`` notation), coloured on a terminal. Both come from
difflib, run on lines or on word tokens.

>>> doc = Document.from_text("They dont know. " * 20, "a.txt")
>>> print(word_diff(doc, doc.text.replace("dont", "don't", 1)), end="")
--- a/a.txt
+++ b/a.txt
@@ line 1, column 6 @@
They [-dont-]{+don't+} know. They dont
"""

from __future__ import annotations

import difflib
import re

import click

from repairkit.document import Document

#: ``--diff=auto`` shows a word diff when a changed line is longer than this.
LONG_LINE = 200
#: Tokens of context on each side of a change in a word diff (words and the spaces between).
WORD_CONTEXT = 8
DIFF_STYLES = ("auto", "line", "word")

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]")


def unified_diff(doc: Document, new_text: str, styled: bool = False) -> str:
    """A unified diff (difflib) from the original text to ``new_text``."""
    lines = difflib.unified_diff(doc.text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                 fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}")
    out = []
    for line in lines:
        line = line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        if styled and not line.startswith(("---", "+++")):
            colour = {"-": "red", "+": "green", "@": "cyan"}.get(line[:1])
            line = click.style(line, fg=colour) if colour else line
        out.append(line)
    return "".join(out)


def word_diff(doc: Document, new_text: str, styled: bool = False) -> str:
    """Each change with a few words around it, ``[-removed-]{+added+}``, under its line and column."""
    old = _TOKEN_RE.findall(doc.text)
    new = _TOKEN_RE.findall(new_text)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    starts = [0]
    for token in old:
        starts.append(starts[-1] + len(token))
    out: list[str] = []
    for group in matcher.get_grouped_opcodes(WORD_CONTEXT):
        first_change = next(op for op in group if op[0] != "equal")
        line, col = doc.line_col(starts[first_change[1]])
        pieces: list[str] = []
        for k, (tag, i1, i2, j1, j2) in enumerate(group):
            if tag == "equal":
                context = "".join(old[i1:i2])
                if k == 0:  # context stays on the changed line
                    context = context.rsplit("\n", 1)[-1]
                if k == len(group) - 1:
                    context = context.split("\n", 1)[0]
                pieces.append(context)
                continue
            if i2 > i1:
                removed = "[-" + "".join(old[i1:i2]) + "-]"
                pieces.append(click.style(removed, fg="red") if styled else removed)
            if j2 > j1:
                added = "{+" + "".join(new[j1:j2]) + "+}"
                pieces.append(click.style(added, fg="green") if styled else added)
        header = f"@@ line {line}, column {col} @@"
        out.append((click.style(header, fg="cyan") if styled else header) + "\n" + "".join(pieces).strip() + "\n")
    if not out:
        return ""
    return f"--- a/{doc.path}\n+++ b/{doc.path}\n" + "".join(out)


def has_long_changed_line(doc: Document, new_text: str) -> bool:
    """True when a line the change touches is longer than :data:`LONG_LINE` characters."""
    old_lines, new_lines = doc.text.splitlines(), new_text.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    return any(len(line) > LONG_LINE for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
               for line in (*old_lines[i1:i2], *new_lines[j1:j2]))


def show_diff(doc: Document, new_text: str, style: str = "auto", styled: bool = False) -> str:
    """The diff in ``style`` (``auto``: word diff for long lines, else a unified diff)."""
    if style == "word" or (style == "auto" and has_long_changed_line(doc, new_text)):
        return word_diff(doc, new_text, styled)
    return unified_diff(doc, new_text, styled)
