"""Batch scanning: many documents streamed through local worker processes or a Dask cluster.

- :mod:`~repairkit.batching.records`: the input, one record at a time (JSONL, directories);
- :mod:`~repairkit.batching.work`: the work of one document, the same in every engine;
- :mod:`~repairkit.batching.engines`: serial, local processes, Dask, all yielding in input order;
- :mod:`~repairkit.batching.output`: resuming an output, the closing summary.

``repairkit batch`` and :func:`repairkit.batch` are built on these.
"""
