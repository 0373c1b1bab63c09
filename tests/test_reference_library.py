"""Reference library: loading sources, retrieval on synthetic and (a sample of) the real corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from repairkit.document import InputError
from repairkit.reference.library import Library, index_keys
from repairkit.reference.parse import parse_text
from repairkit.reference.serialize import article_to_json
from tests.conftest import ARTICLE, SHARED

TOPICS = {
    "bank": "Bank rates\n\nThe central bank raised interest rates by a quarter point on Tuesday. "
            "Mortgage lenders said borrowers would feel the rise. Inflation stayed above the bank's target.",
    "match": "Derby win\n\nThe striker scored twice as the home side won the derby 3-1. "
             "The manager praised the defence and the goalkeeper's late save.",
    "phone": "New handset\n\nThe company unveiled a folding smartphone with a larger battery. "
             "Reviewers liked the camera but said the hinge felt fragile.",
    "film": "Festival prize\n\nThe director's debut film won the festival's top prize. "
            "Critics praised the lead actress and the haunting soundtrack.",
}


def damaged(text: str) -> str:
    return re.sub(r"['\d-]", "", text.split("\n\n", 1)[1])


@pytest.fixture
def library() -> Library:
    return Library.from_texts(TOPICS)


@pytest.mark.parametrize("name", sorted(TOPICS))
def test_retrieves_the_source_of_a_damaged_text(library, name):
    (best_score, best), *_ = library.retrieve(damaged(TOPICS[name]), k=2)
    assert best.path == name and best_score > 0.5
    assert best.title == TOPICS[name].split("\n")[0]  # parsed on retrieval


def test_unrelated_text_retrieves_nothing(library):
    assert library.retrieve("Volcanic ash grounded flights over northern islands overnight.") == []


def test_small_library_gives_all_references(library):
    assert [a.path for a in library.references_for("anything at all", k=len(TOPICS))] == sorted(TOPICS, key=list(TOPICS).index)
    assert [a.path for a in library.references_for(damaged(TOPICS["film"]), k=1)] == ["film"]


def test_keys_ignore_scrape_damage():
    assert index_keys("Asia-Pacific's 2021") == index_keys("AsiaPacifics")


def test_load_files_dirs_and_jsonl(tmp_path):
    refs = tmp_path / "refs"
    (refs / "sub").mkdir(parents=True)
    (refs / "bank.txt").write_text(TOPICS["bank"], encoding="utf-8")
    (refs / "sub" / "phone.md").write_text("# " + TOPICS["phone"], encoding="utf-8")
    (refs / "film.json").write_text(article_to_json(parse_text(TOPICS["film"], "film.txt")), encoding="utf-8")
    (refs / "notes.csv").write_text("ignored", encoding="utf-8")
    lines = [json.dumps({"id": "m1", "title": "Derby win", "text": TOPICS["match"].split("\n\n", 1)[1]})]
    jsonl = tmp_path / "lib.jsonl"
    jsonl.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    lib = Library.load([jsonl], [refs])
    assert len(lib) == 4
    assert lib.paths[0] == f"{jsonl}#m1"
    ((_, match),) = lib.retrieve(damaged(TOPICS["match"]), k=1)
    assert match.path == f"{jsonl}#m1" and match.title == "Derby win"
    assert match.text.startswith("Derby win\n\n")
    ((_, phone),) = lib.retrieve(damaged(TOPICS["phone"]), k=1)
    assert phone.title == "New handset" and phone.path.endswith("phone.md")


def test_one_bad_jsonl_line_is_reported_and_the_rest_used(tmp_path, caplog):
    path = tmp_path / "lib.jsonl"
    path.write_text('{"id": 1, "title": "x", "text": "ok"}\n{"id": 2}\n{"id": 3, "text": "also"}\n', encoding="utf-8")
    lib = Library.load([path])
    assert lib.paths == [f"{path}#1", f"{path}#3"]
    assert [r.getMessage().split(": not a reference record")[0] for r in caplog.records] == [f"{path}:2"]


@pytest.mark.parametrize(("content", "message"), [
    ('{"id": 1, "title": "x"}\n{"id": 2}\n', r":1: not a reference record"),
    ("not json\n", r":1: not a reference record"),
    ('{"id": 1, "text": 5}\n', r":1: not a reference record"),
    ("\n\n", "reference library is empty"),
])
def test_bad_jsonl_is_one_input_error(tmp_path, content, message):
    path = tmp_path / "lib.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        Library.load([path])


def test_bad_reference_dirs(tmp_path):
    with pytest.raises(InputError, match="not a directory"):
        Library.load(dirs=[tmp_path / "missing"])
    (tmp_path / "x.csv").write_text("a", encoding="utf-8")
    with pytest.raises(InputError, match="no \\*.txt"):
        Library.load(dirs=[tmp_path])
    with pytest.raises(InputError, match="no such reference"):
        Library.load([tmp_path / "nope.txt"])


CORPUS = next((p for p in (SHARED / "corpus" / "news.jsonl", Path("/work/shared/corpus/news.jsonl")) if p.exists()),
              SHARED / "corpus" / "news.jsonl")


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")
def test_corpus_sample_retrieval(tmp_path):
    """A 300-article sample of the corpus; damaged excerpts of 30 of them find their source."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[::6][:300]
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lib = Library.load([sample])
    hits = 0
    for line in lines[::10]:
        record = json.loads(line)
        paragraphs = record["text"].split("\n\n")
        query = re.sub(r"['\"\d$%£-]", "", " ".join(paragraphs[: max(1, len(paragraphs) // 2)]))
        found = lib.retrieve(query, k=1)
        hits += bool(found) and found[0][1].path.endswith("#" + record["id"])
    assert hits >= 28  # measured 30/30; leave room for a near-duplicate


def test_fixture_article_is_found_for_the_commentary(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(TOPICS["bank"], encoding="utf-8")
    lib = Library.load([ARTICLE, other])
    commentary = (ARTICLE.parent / "scraped_commentary.txt").read_text(encoding="utf-8")
    assert [a.path for _, a in lib.retrieve(commentary, k=2)] == [str(ARTICLE)]


def test_short_excerpt_is_relevant_by_coverage():
    syllables = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "tu"]
    words = [a + b + c for a in syllables for b in syllables for c in syllables]  # 512 distinct words
    sentences = [" ".join(words[i:i + 8]) + "." for i in range(0, len(words), 8)]
    lib = Library.from_texts({"long": "Long report\n\n" + " ".join(sentences), **TOPICS})
    query = sentences[7] + " " + sentences[8]
    (match,) = [m for m in lib.matches(query) if lib.paths[m.index] == "long"]
    assert match.similarity < 0.35 and match.coverage >= 0.75 and match.relevant
    assert [a.path for _, a in lib.retrieve(query, k=1)] == ["long"]
