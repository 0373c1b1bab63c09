"""Safe file output: write to a temporary file, fsync, then rename over the target.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(target, b"hello")
>>> target.read_bytes()
b'hello'
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from repairkit.document import InputError


def _umask() -> int:
    """The process umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], data: bytes, expected_sha256: str | None = None) -> None:
    """Replace ``path`` with ``data`` atomically; the old file stays whole if anything fails.

    ``expected_sha256``: the sha256 the file must still have just before the rename (a file
    deleted or replaced since it was read is an :class:`InputError`, and nothing is written).

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = target.write_bytes(b"new")
    >>> atomic_write(target, b"fixed", expected_sha256=hashlib.sha256(b"old").hexdigest())
    Traceback (most recent call last):
    ...
    repairkit.document.InputError: .../a.txt: changed since it was read; nothing written
    >>> target.read_bytes()
    b'new'
    """
    target = Path(path)
    try:
        _replace(target, data, expected_sha256)
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _sha256_of(path: Path) -> str | None:
    """The sha256 of the file at ``path``, ``None`` if there is none."""
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        return None


def _replace(target: Path, data: bytes, expected_sha256: str | None = None) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600 files; a new file gets the usual 0666 less the umask instead.
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        if expected_sha256 is not None and _sha256_of(target) != expected_sha256:
            raise InputError(f"{target}: changed since it was read"
                             f"{' (deleted)' if not target.exists() else ''}; nothing written")
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


#: How long a writer waits for another repairkit process writing in the same directory.
LOCK_WAIT_SECONDS = 30.0


@contextlib.contextmanager
def directory_lock(paths: Iterable[Path], wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the directory of each of ``paths`` while the block runs.

    ``fix --write`` and ``revert`` check a file and replace it under this lock, so two of
    them on one file never interleave: the second waits, then finds the file changed and
    refuses. The lock is ``flock`` on the directory itself (a renamed file is a new inode, so
    the file cannot carry it), taken in sorted order; it leaves no file behind and ends with
    the process, even a killed one. Where the file system has no locks, nothing is locked.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with directory_lock([folder / "a.txt"]):
    ...     with directory_lock([folder / "b.txt"], wait=0.2):
    ...         pass
    Traceback (most recent call last):
    ...
    repairkit.document.InputError: ...: another repairkit process is writing in this directory (waited 0.2 s); nothing written, try again
    """
    folders = sorted({os.path.realpath(p.parent if str(p.parent) else ".") for p in paths})
    held: list[int] = []
    try:
        for folder in folders:
            try:
                fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            except OSError as exc:
                raise InputError(f"{folder}: cannot open directory ({exc.strerror or exc})") from None
            held.append(fd)
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise InputError(f"{folder}: another repairkit process is writing in this directory "
                                         f"(waited {wait:g} s); nothing written, try again") from None
                    time.sleep(0.05)
                except OSError:  # no locking on this file system
                    break
        yield
    finally:
        for fd in reversed(held):
            os.close(fd)  # closing the descriptor releases its lock


def remove_stale_temporaries(target: Path) -> None:
    """Delete temporary files that an :func:`atomic_write` of ``target`` killed mid-way left
    beside it (call it only under :func:`directory_lock`, when no write of ``target`` runs)."""
    folder = target.parent if str(target.parent) else Path(".")
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


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
