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
_QUOTED = r'(?:"[^"\]\n]*"|[”“][^”“\]\n]*[”“]|\'[^\'\]\n]*\'|[^\s\]"”“\']+)'
#: Markup that an extractor passed through as text: WordPress-style shortcodes, template
#: tags, HTML tags and attributes. Each alternative needs a shape prose never has.
MARKUP_RE = re.compile(
    r"\[[a-z][a-z0-9_-]*(?:\s+[a-z][\w-]*\s*=\s*" + _QUOTED + r")+\s*/?\]"  # [caption id="x" align="y"]
    r"|\[/[a-z][a-z0-9_-]*\]"                                         # [/caption]
    r"|\[[a-z][a-z0-9]*_[a-z0-9_]+\]"                                 # [vc_row]
    r"|\{%-?\s*[a-z]\w*[^%\n]{0,200}?-?%\}"                          # {% if user %}  (Jinja, Liquid, Django)
    r"|\{#[^#\n]{0,200}#\}"                                           # {# a comment #}
    r"|<%=?[^%\n]{0,200}%>"                                           # <%= value %>   (ERB, ASP)
    r"|</?(?:a|abbr|article|aside|b|blockquote|br|button|caption|cite|code|div|em|figcaption|figure|font"
    r"|footer|form|h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|meta|nav|noscript|ol|p|picture"
    r"|pre|script|section|small|source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|tr|u|ul"
    r"|video)(?:\s+[a-z][\w:-]*(?:\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>\"']+))?)*\s*/?>"  # <p>, <img src="x">
    r"|(?<![\w-])(?:class|id|style|href|src|srcset|alt|width|height|align|target|rel|loading|sizes"
    r"|frameborder|onclick|onload|(?:data|aria)-[\w-]+)=(?:\"[^\"\n]*\"|'[^'\n]*'|[”“][^”“\n]*[”“])",  # class="x"
    re.IGNORECASE)
#: A bare shortcode opening ("[embed]") is markup only when its closing tag is in the text too;
#: alone, "[applause]" and "[sic]" are an editor's brackets.
BARE_SHORTCODE_RE = re.compile(r"\[([a-z][a-z0-9_-]*)\]")


def markup_leaks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each piece of leaked markup, longest first where pieces overlap.

    >>> text = '[caption id="a_1" align="alignnone"]A photo.[/caption] [embed]x[/embed] [applause] <br/> class="wp-1"'
    >>> [text[a:b] for a, b in markup_leaks(text)]
    ['[caption id="a_1" align="alignnone"]', '[/caption]', '[embed]', '[/embed]', '<br/>', 'class="wp-1"']
    """
    found = [(m.start(), m.end()) for m in MARKUP_RE.finditer(text)]
    closing = {m.group().lower() for m in re.finditer(r"\[/[a-z][a-z0-9_-]*\]", text, re.IGNORECASE)}
    found += [(m.start(), m.end()) for m in BARE_SHORTCODE_RE.finditer(text) if f"[/{m.group(1).lower()}]" in closing]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda p: (p[0], -p[1])):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


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
