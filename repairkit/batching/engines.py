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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from repairkit.batching.records import Record
from repairkit.batching.work import BatchResult, BatchSettings, Worker, process_chunk, worker_for

ENGINES = ("local", "dask")
#: Records per task: large enough that sending a task costs little next to scanning it.
CHUNK_SIZE = 8
#: Chunks in flight per worker: enough to keep every worker busy while results wait their turn.
WINDOW_PER_WORKER = 4


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
    pending: deque[Any] = deque()
    for chunk in chunked(records):
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def run_local(settings: BatchSettings, records: Iterable[Record], workers: int) -> Iterator[BatchResult]:
    """A pool of ``workers`` processes, started now.

    On Linux they are forked from this process, so they start with the worker it built for the
    settings (:func:`worker_for`; warm it first: :meth:`Worker.warm`) and the tables it loaded;
    elsewhere each process builds its own. What the parent holds is frozen out of the garbage
    collector's reach first, so the children's collections neither walk it nor copy its pages.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    gc.collect()
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                   initializer=worker_for, initargs=(settings,))
        pool.submit(len, ()).result()  # start the processes now, before the caller starts threads
    finally:
        gc.unfreeze()
    return _pool_results(pool, settings, records, workers)


def _pool_results(pool: ProcessPoolExecutor, settings: BatchSettings, records: Iterable[Record],
                  workers: int) -> Iterator[BatchResult]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield from _in_order(lambda chunk: pool.submit(process_chunk, settings, chunk), records,
                             workers * WINDOW_PER_WORKER)
    except BrokenProcessPool:
        raise EngineError("a worker process died (out of memory, or killed); "
                          "rerun with --resume to go on where the output stops") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
