"""Reading input in a declared encoding (``scan --encoding latin-1``).

repairkit reads UTF-8 and UTF-16 with a BOM on its own. An archive in Latin-1 or Windows-1252
is read with ``--encoding``, for ``scan`` and ``review`` (which only read). ``fix`` writes
files back and keeps to the encodings it can write byte for byte.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_bytes("Café in , the".encode("latin-1"))
>>> read_document(path, "latin-1").text
'Café in , the'
>>> read_document(path, "klingon")
Traceback (most recent call last):
...
repairkit.document.InputError: --encoding klingon: no such encoding (try utf-8, latin-1, cp1252)
"""

from __future__ import annotations

import codecs
import hashlib
import os

from repairkit.document import Document, InputError, read_input


def check_encoding(name: str) -> str:
    """The codec's canonical name, or :class:`InputError` for an unknown one."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"--encoding {name}: no such encoding (try utf-8, latin-1, cp1252)") from None


def read_document(path: str | os.PathLike[str], encoding: str) -> Document:
    """Read ``path`` decoded with ``encoding``; undecodable bytes are an :class:`InputError` saying where."""
    codec = check_encoding(encoding)
    data = read_input(path, "give a file, or a directory to scan its *.txt/*.md")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid {encoding} (byte {exc.start}: {exc.reason})") from None
    return Document(path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=codec)
