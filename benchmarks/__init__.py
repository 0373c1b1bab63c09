"""Benchmarks for repairkit: a damage simulator and a detection-quality benchmark.

This package sits beside ``repairkit/`` (never inside it): it may read the shared corpus
under ``/work/shared``, which the library itself must never do.
"""
