"""The cyclic collector is paused during a scan and always back on after it."""

import gc

import pytest

from repairkit.collector import cyclic_gc_paused
from repairkit.document import Document
from repairkit.pipeline import scan_document, select_rules
from repairkit.config import Config


def _scan(text):
    return scan_document(Document.from_text(text), select_rules(Config()))


def test_scan_leaves_the_collector_as_it_found_it():
    assert gc.isenabled()
    _scan("The the cat sat on teh mat.  It was  fine.")
    assert gc.isenabled()
    gc.disable()
    try:
        _scan("A short text.")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_error_inside_the_block_still_turns_it_back_on():
    with pytest.raises(RuntimeError):
        with cyclic_gc_paused():
            assert not gc.isenabled()
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_the_decorated_function_runs_paused():
    @cyclic_gc_paused()
    def inside():
        return gc.isenabled()

    assert inside() is False
    assert gc.isenabled()
