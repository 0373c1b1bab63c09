"""Safe file output: write to a temporary file, fsync, then rename over the target.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(target, b"hello")
>>> target.read_bytes()
b'hello'
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from repairkit.document import InputError


def _umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the old file stays whole if anything fails."""
    target = Path(path)
    try:
        _replace(target, data)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _replace(target: Path, data: bytes) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600 files; a new file gets the usual 0666 less the umask instead.
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:  # make the rename durable too
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def read_json(path: str | os.PathLike[str], what: str, missing_hint: str = "") -> Any:
    """Parse the JSON file ``path``; a missing or unreadable file is an :class:`InputError` naming ``what``.

    >>> read_json("/nonexistent.json", "baseline", "; create it with --write-baseline")
    Traceback (most recent call last):
    ...
    repairkit.document.InputError: /nonexistent.json: no such baseline; create it with --write-baseline
    """
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}{missing_hint}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read {what} ({exc})") from None

