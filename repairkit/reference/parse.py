"""Reference articles -> :class:`Article`: blocks with offsets into the original text.

>>> art = parse_text("A title\\n\\nFirst paragraph.\\n\\nSecond one.", path="a.txt")
>>> [(b.kind, b.text) for b in art.blocks]
[('title', 'A title'), ('paragraph', 'First paragraph.'), ('paragraph', 'Second one.')]
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from repairkit.document import InputError, decode_bytes
from repairkit.reference.model import Article, Block

_CHUNK_RE = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S(?:.*\S)?)*")


def parse_text(text: str, path: str = "<text>", sha256: str | None = None) -> Article:
    """Parse plain text: blank-line separated blocks, the first one is the title."""
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    blocks: list[Block] = []
    for m in _CHUNK_RE.finditer(text):
        kind = "title" if not blocks else "paragraph"
        blocks.append(Block(kind, m.start(), m.end(), m.group()))
    title = blocks[0].text if blocks else None
    return Article(path=path, text=text, sha256=digest, title=title, date=None, blocks=blocks)


def read_article(path: str | os.PathLike[str]) -> Article:
    """Read a reference file and parse it; every failure is an :class:`InputError`."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such reference file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; use --reference-dir for a directory of references") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read reference ({exc.strerror})") from None
    text = decode_bytes(data, str(p)).text
    return parse_text(text, str(path), hashlib.sha256(data).hexdigest())
