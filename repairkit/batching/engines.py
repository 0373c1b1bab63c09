"""Engines: where the documents of a batch are scanned. Every engine yields results in input order.

- ``serial``: in this process (``--workers 1``);
- ``local``: a pool of ``--workers`` processes on this machine;
- ``dask``: a Dask distributed cluster (``pip install 'repairkit[dask]'``), a ``LocalCluster``
  of ``workers`` processes when no scheduler address is given.

Input is cut into chunks of :data:`CHUNK_SIZE` records, read as the work goes: at most
``WINDOW_PER_WORKER`` chunks per worker are in flight, so memory stays flat however long the
input, and results are handed back in submission order.

>>> from repairkit.batching.records import records_from
>>> from repairkit.batching.work import BatchSettings
>>> results = run(BatchSettings(select=("RK101",)), records_from(["the th summit", "clean text"]))
>>> [(r.id, r.by_category) for r in results]
[(1, (('missing-number', 1),)), (2, ())]
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any

from repairkit.batching.records import Record
from repairkit.batching.work import BatchResult, BatchSettings, Worker, process_chunk, worker_for

ENGINES = ("local", "dask")
#: Records per task: large enough that sending a task costs little next to scanning it.
CHUNK_SIZE = 8
#: Chunks in flight per worker: enough to keep every worker busy while results wait their turn.
WINDOW_PER_WORKER = 4
#: New pools a local run may start after worker processes died, before it gives up (--resume goes on).
MAX_RESTARTS = 3


class EngineError(Exception):
    """An engine that cannot run (a missing extra, an unreachable scheduler, a dead worker)."""


def chunked(records: Iterable[Record], size: int = CHUNK_SIZE) -> Iterator[list[Record]]:
    """Consecutive chunks of ``size`` records, read lazily.

    >>> [len(c) for c in chunked(range(20), 8)]
    [8, 8, 4]
    """
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def run(settings: BatchSettings, records: Iterable[Record], workers: int = 1, engine: str = "local",
        scheduler: str | None = None, worker: Worker | None = None) -> Iterator[BatchResult]:
    """Results of ``records`` in input order, from the chosen engine (``worker``: one already built here)."""
    if engine == "dask":
        return run_dask(settings, records, workers, scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers <= 1:
        return run_serial(worker or Worker(settings), records)
    return run_local(settings, records, workers)


def run_serial(worker: Worker, records: Iterable[Record]) -> Iterator[BatchResult]:
    """Every record in this process, one after another."""
    for record in records:
        yield worker.process(record)


def _in_order(submit: Callable[[list[Record]], Future[list[BatchResult]]], records: Iterable[Record],
              window: int) -> Iterator[BatchResult]:
    """Submit chunks, keeping at most ``window`` in flight, and yield their results in order."""
    pending: deque[Future[list[BatchResult]]] = deque()
    for chunk in chunked(records):
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def run_local(settings: BatchSettings, records: Iterable[Record], workers: int) -> Iterator[BatchResult]:
    """A pool of ``workers`` processes, started now, each with a pipe of its own.

    On Linux they are forked from this process, so they start with the worker it built for the
    settings (:func:`worker_for`; warm it first: :meth:`Worker.warm`) and the tables it loaded;
    elsewhere each process builds its own. A worker process that dies (killed, out of memory)
    is replaced and the chunks it held are sent to the new one, up to :data:`MAX_RESTARTS` times
    in a run; the output loses and repeats nothing. (``concurrent.futures`` pools share one
    result pipe and its lock: a worker killed while writing a result hangs the whole pool.)
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = _LocalPool(multiprocessing.get_context(method), settings, workers)
    return _pool_results(pool, records)


def _serve(conn: Connection, settings: BatchSettings) -> None:
    """A worker process: scan the chunks that come down ``conn`` and send their results back, until ``None``.

    A thread takes the chunks in as they come, so the parent's sends never wait on this
    process's (perhaps large) results and the other way round.
    """
    worker_for(settings)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                item = conn.recv()
            except (EOFError, OSError):
                item = None
            inbox.put(item)
            if item is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    while (item := inbox.get()) is not None:
        number, chunk = item
        conn.send((number, process_chunk(settings, chunk)))


class _Process:
    """One worker process, its end of the pipe, and the numbers of the chunks it holds, in order."""

    def __init__(self, context: Any, settings: BatchSettings) -> None:
        mine, theirs = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(theirs, settings), daemon=True)
        self.process.start()
        theirs.close()  # so the pipe reports the end of file when the process dies
        self.conn: Connection = mine
        self.held: deque[int] = deque()

    def send(self, number: int, chunk: list[Record]) -> None:
        self.held.append(number)
        try:
            self.conn.send((number, chunk))
        except OSError:
            pass  # the process is dead: its sentinel says so, and the chunks it held go to a new one

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _LocalPool:
    """Worker processes on this machine; a dead one is replaced by a new one (fork: from the warmed parent)."""

    def __init__(self, context: Any, settings: BatchSettings, workers: int) -> None:
        self.context = context
        self.settings = settings
        self.restarts = 0
        self.processes = [self._start() for _ in range(workers)]

    def _start(self) -> _Process:
        """A new process, forked with the parent's objects frozen out of the garbage collector's reach
        (the child's collections neither walk them nor copy their pages)."""
        gc.collect()
        gc.freeze()
        try:
            return _Process(self.context, self.settings)
        finally:
            gc.unfreeze()

    def replace(self, dead: _Process) -> _Process:
        """A new process in place of ``dead``; :class:`EngineError` once :data:`MAX_RESTARTS` are used."""
        self.restarts += 1
        dead.conn.close()
        dead.process.join()
        if self.restarts > MAX_RESTARTS:
            raise EngineError(f"worker processes died {self.restarts} times (out of memory, or killed); "
                              "rerun with --resume to go on where the output stops")
        new = self._start()
        self.processes[self.processes.index(dead)] = new
        return new

    def close(self) -> None:
        for p in self.processes:
            p.stop()


def _pool_results(pool: _LocalPool, records: Iterable[Record]) -> Iterator[BatchResult]:
    """Send chunks to the least busy process, at most ``WINDOW_PER_WORKER`` per process unwritten; yield in order."""
    window = len(pool.processes) * WINDOW_PER_WORKER
    source = chunked(records)
    sent: dict[int, list[Record]] = {}  # chunks sent and not yet yielded
    done: dict[int, list[BatchResult]] = {}
    next_number = first_unwritten = 0
    exhausted = False
    try:
        while True:
            while not exhausted and len(sent) < window:
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                    break
                min(pool.processes, key=lambda p: len(p.held)).send(next_number, chunk)
                sent[next_number] = chunk
                next_number += 1
            while first_unwritten in done:
                del sent[first_unwritten]
                yield from done.pop(first_unwritten)
                first_unwritten += 1
            if exhausted and not sent:
                return
            busy = [p for p in pool.processes if p.held]
            waits: list[Any] = [p.conn for p in busy] + [p.process.sentinel for p in busy]
            ready = set(wait(waits))
            for p in busy:
                if p.conn in ready or p.process.sentinel in ready:
                    _collect(pool, p, sent, done)
    finally:
        pool.close()


def _collect(pool: _LocalPool, process: _Process, sent: dict[int, list[Record]],
             done: dict[int, list[BatchResult]]) -> None:
    """Read a result from ``process``; if it died instead, give the chunks it held to a new process."""
    try:
        while process.conn.poll():
            number, results = process.conn.recv()
            process.held.remove(number)
            done[number] = results
        if process.process.is_alive():
            return
    except (EOFError, OSError):
        pass  # the process died, perhaps half-way through a result
    held = [n for n in process.held if n not in done]
    new = pool.replace(process)
    for number in held:
        new.send(number, sent[number])


def run_dask(settings: BatchSettings, records: Iterable[Record], workers: int,
             scheduler: str | None = None) -> Iterator[BatchResult]:
    """The same tasks on a Dask cluster: the one at ``scheduler``, else a ``LocalCluster`` of ``workers`` processes.

    The client (this process) reads the input and writes the output; workers receive chunks of
    records and the settings, and need repairkit installed and the reference paths readable.
    The cluster is reached (or started) now; :class:`EngineError` if it cannot be.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'repairkit[dask]'") from None
    cluster = None
    try:
        if scheduler is None:
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(scheduler or cluster, set_as_default=False, timeout="30s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        where = f" {scheduler}" if scheduler else ""
        raise EngineError(f"cannot reach the Dask scheduler{where}: {exc}") from None
    return _cluster_results(client, cluster, settings, records, workers)


def _cluster_results(client: Any, cluster: Any, settings: BatchSettings, records: Iterable[Record],
                     workers: int) -> Iterator[BatchResult]:
    try:
        threads = sum(client.nthreads().values()) or max(1, workers)
        yield from _in_order(lambda chunk: client.submit(process_chunk, settings, chunk, pure=False), records,
                             threads * WINDOW_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
