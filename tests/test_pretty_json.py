"""report.json_report.pretty_json writes what json.dumps(ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
from enum import Enum

from hypothesis import given, settings
from hypothesis import strategies as st

from repairkit.report.json_report import pretty_json

_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text())
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                       | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_same_text_as_json_dumps(value: object) -> None:
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


class _Colour(str, Enum):
    RED = "red"


def test_unusual_values_fall_back_to_json_dumps() -> None:
    for value in ({1: "a", None: [2]}, {"k": _Colour.RED}, [True, 1, 1.0, "\ud800", "\x00\u2028"]):
        assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
