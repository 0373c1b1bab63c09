"""Safe file output: write to a temporary file, fsync, then rename over the target.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(target, b"hello")
>>> target.read_bytes()
b'hello'
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
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



@contextlib.contextmanager
def atomic_output_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` for a writer that needs a file name (a database);
    renamed over ``target`` when the block ends without error, removed otherwise.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.db"
    >>> with atomic_output_path(target) as tmp:
    ...     _ = tmp.write_bytes(b"data")
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'data', ['out.db'])
    """
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    os.close(fd)
    tmp = Path(name)  # an empty file: SQLite takes it as a new database
    try:
        yield tmp
        try:
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
            os.replace(tmp, target)
        except OSError as exc:
            raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)


class LineLog:
    """An append-only file of one record per line, for output that grows while a run goes on.

    Each line goes to the file in one ``write`` on a descriptor opened with ``O_APPEND``, so a
    run killed half-way leaves whole lines (at worst a last line cut short, which
    ``repairkit batch --resume`` drops); the file is synced every ``sync_seconds`` and on close.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> with LineLog(target) as log:
    ...     log.append('{"id": 1}')
    >>> target.read_text()
    '{"id": 1}\\n'
    """

    def __init__(self, path: str | os.PathLike[str], sync_seconds: float = 1.0) -> None:
        self.path = Path(path)
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None
        self._sync_seconds = sync_seconds
        self._synced = time.monotonic()

    def append(self, line: str) -> None:
        """Append ``line`` and a newline."""
        data = memoryview((line + "\n").encode("utf-8"))
        try:
            while data:
                data = data[os.write(self._fd, data):]
            if time.monotonic() - self._synced >= self._sync_seconds:
                os.fsync(self._fd)
                self._synced = time.monotonic()
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write ({exc.strerror or exc})") from None

    def close(self) -> None:
        """Sync and close the file."""
        if self._fd >= 0:
            try:
                os.fsync(self._fd)
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> LineLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
