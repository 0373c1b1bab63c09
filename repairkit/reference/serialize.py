"""The JSON form of a parsed reference (``repairkit.reference/1``): self-contained and loadable.

It carries the original ``text`` and the ``sha256`` of the original input bytes, so a parsed
reference can be stored and given back to ``--reference`` in place of the source file.

>>> from repairkit.reference.parse import parse_text
>>> art = parse_text("A title\\n\\nIt rose 5 percent.", path="a.txt")
>>> back = article_from_json(article_to_json(art))
>>> back == art
True
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from importlib import resources
from typing import Any

from repairkit.document import InputError
from repairkit.reference.model import BLOCK_KINDS, FACT_KINDS, Article, Block, Fact, Term

SCHEMA_TAG = "repairkit.reference/1"


def article_to_dict(art: Article) -> dict[str, Any]:
    """Plain data for ``json.dumps``."""
    return {
        "schema": SCHEMA_TAG,
        "path": art.path,
        "sha256": art.sha256,
        "title": art.title,
        "date": art.date.isoformat() if art.date else None,
        "text": art.text,
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end, "item": b.item, "text": b.text}
                   for b in art.blocks],
        "facts": [{"kind": f.kind, "text": f.text, "value": f.value, "start": f.start, "end": f.end,
                   "unit": f.unit, "currency": f.currency, "before": f.before, "after": f.after,
                   "block": f.block} for f in art.facts],
        "terms": {key: [{"form": t.form, "occurrences": [list(o) for o in t.occurrences]} for t in terms]
                  for key, terms in art.terms.items()},
    }


def article_to_json(art: Article) -> str:
    """The JSON text of an article (UTF-8, non-ASCII kept, trailing newline)."""
    return json.dumps(article_to_dict(art), ensure_ascii=False, indent=1) + "\n"


def article_from_json(data: str, source: str = "<json>") -> Article:
    """Load the JSON form back; offsets are checked against ``text``. Raises :class:`InputError`."""
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(raw, dict) or raw.get("schema") != SCHEMA_TAG:
        raise InputError(f"{source}: not a parsed reference (expected \"schema\": \"{SCHEMA_TAG}\"; "
                         "make one with `repairkit parse REF --format json`)")
    if (problem := schema_problem(raw)) is not None:
        raise InputError(f"{source}: not a valid {SCHEMA_TAG} file: {problem}; make it again with "
                         "`repairkit parse REF --format json`")
    try:
        return _build(raw)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{source}: malformed parsed reference ({exc.__class__.__name__}: {exc})") from None


@cache
def _validator() -> Any:
    import jsonschema  # the schema's own validator: the error names the schema's field

    schema = json.loads(resources.files("repairkit").joinpath("schemas/reference-1.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def schema_problem(raw: Any) -> str | None:
    """What is wrong with ``raw`` by ``reference-1.schema.json``, naming the field; ``None`` if valid.

    >>> schema_problem({"schema": SCHEMA_TAG, "path": "a.txt"})
    "the field 'sha256' is missing"
    >>> from repairkit.reference.parse import parse_text
    >>> raw = article_to_dict(parse_text("A title\\n\\nIt rose.", "a.txt"))
    >>> raw["blocks"][0]["kind"] = "chapter"
    >>> schema_problem(raw)
    "blocks/0/kind: 'chapter' is not one of ['title', 'byline', 'date', 'heading', 'paragraph', 'attribution', 'boilerplate', 'template']"
    """
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(raw))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path)
    if error.validator == "required":
        missing = next((name for name in error.validator_value if name not in error.instance), None)
        if missing is not None:
            return f"the field {(where + '/' if where else '') + missing!r} is missing"
    return f"{where}: {error.message}" if where else error.message


def _span(text: str, start: object, end: object, expect: str | None = None) -> tuple[int, int]:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise ValueError(f"bad span [{start}, {end})")
    if expect is not None and text[start:end] != expect:
        raise ValueError(f"span [{start}, {end}) does not hold {expect[:30]!r}")
    return start, end


def _build(raw: dict[str, Any]) -> Article:
    text = raw["text"]
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    blocks = []
    for b in raw["blocks"]:
        if b["kind"] not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {b['kind']!r}")
        start, end = _span(text, b["start"], b["end"], b.get("text"))
        blocks.append(Block(b["kind"], start, end, text[start:end], b.get("item")))
    facts = []
    for f in raw["facts"]:
        if f["kind"] not in FACT_KINDS:
            raise ValueError(f"unknown fact kind {f['kind']!r}")
        start, end = _span(text, f["start"], f["end"], f["text"])
        if not 0 <= f["block"] < len(blocks):
            raise ValueError(f"fact block {f['block']} out of range")
        facts.append(Fact(f["kind"], f["text"], str(f["value"]), start, end, f["unit"], f["currency"],
                          f["before"], f["after"], f["block"]))
    terms = {key: [Term(t["form"], key, tuple(_span(text, s, e) for s, e in t["occurrences"])) for t in forms]
             for key, forms in raw["terms"].items()}
    date = datetime.date.fromisoformat(raw["date"]) if raw.get("date") else None
    return Article(path=str(raw["path"]), text=text, sha256=str(raw["sha256"]), title=raw.get("title"),
                   date=date, blocks=blocks, facts=facts, terms=terms)
