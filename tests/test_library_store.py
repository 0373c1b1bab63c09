"""The persistent reference library (SQLite FTS5): build, add, stats, the same retrieval as in memory."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from repairkit.cli import main
from repairkit.document import InputError
from repairkit.reference.library import Library
from repairkit.reference.store import FORMAT_TAG, LibraryStore, add_to_library, build_library
from tests.conftest import ARTICLE, COMMENTARY, SHARED
from tests.test_reference_library import TOPICS, damaged

CORPUS = SHARED / "corpus" / "news.jsonl"


def write_refs(path: Path, topics: dict[str, str]) -> Path:
    lines = []
    for ident, text in topics.items():
        title, body = text.split("\n\n", 1)
        lines.append(json.dumps({"id": ident, "title": title, "text": body}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def refs(tmp_path: Path) -> Path:
    return write_refs(tmp_path / "refs.jsonl", TOPICS)


def same_scores(store: LibraryStore, memory: Library, query: str) -> None:
    """The store scores each candidate exactly as the in-memory library does."""
    theirs = {memory.paths[m.index]: m for m in memory.matches(query)}
    paths = store.paths
    mine = store.matches(query)
    for m in mine:
        other = theirs[paths[m.index - 1]]
        assert m.similarity == pytest.approx(other.similarity, abs=1e-9)
        assert m.coverage == pytest.approx(other.coverage, abs=1e-9)
    assert [round(m.coverage, 6) for m in mine] == sorted((round(m.coverage, 6) for m in mine), reverse=True)
    for a, b in zip(mine, mine[1:]):  # by cosine but among those tied at the best coverage
        if round(a.coverage, 6) == round(b.coverage, 6) < round(mine[0].coverage, 6):
            assert a.similarity >= b.similarity


def test_a_library_file_scores_as_the_in_memory_library_and_finds_the_source(tmp_path, refs):
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "article.txt").write_bytes(ARTICLE.read_bytes())
    result = build_library(tmp_path / "refs.db", [refs], [folder])
    assert (result.added, result.unchanged) == (len(TOPICS) + 1, 0)
    store = LibraryStore.open(tmp_path / "refs.db")
    memory = Library.load([refs], [folder])
    assert store.paths == memory.paths and len(store) == len(memory)
    for name, text in TOPICS.items():
        same_scores(store, memory, damaged(text))
        assert [a.path for _, a in store.retrieve(damaged(text), k=2)][0].endswith(f"#{name}")
    commentary = COMMENTARY.read_text(encoding="utf-8")
    same_scores(store, memory, commentary)
    assert [a.path for _, a in store.retrieve(commentary, k=2)] == [a.path for _, a in memory.retrieve(commentary, k=2)]
    (article,) = [a for a in store.articles() if a.path.endswith("article.txt")]
    assert article == memory.article(memory.paths.index(article.path))  # same parse, same facts


def test_nothing_relevant_retrieves_nothing(tmp_path, refs):
    build_library(tmp_path / "refs.db", [refs])
    assert LibraryStore.open(tmp_path / "refs.db").retrieve("Volcanic ash grounded flights over northern islands overnight.") == []


def test_parsed_json_references_keep_their_parse(tmp_path, runner):
    saved = tmp_path / "ref.json"
    assert runner.invoke(main, ["parse", str(ARTICLE), "--format", "json", "-o", str(saved)]).exit_code == 0
    build_library(tmp_path / "one.db", [saved])
    (art,) = LibraryStore.open(tmp_path / "one.db").articles()
    assert art == Library.load([saved]).article(0)


@pytest.mark.skipif(not CORPUS.exists(), reason="needs the shared corpus")
def test_retrieval_on_a_corpus_sample_scores_as_memory_and_finds_the_source(tmp_path):
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()[:400]]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    build_library(tmp_path / "news.db", [source])
    store, memory = LibraryStore.open(tmp_path / "news.db"), Library.load([source])
    rng = random.Random(3)
    found = 0
    for i in rng.sample(range(len(records)), 40):
        paragraphs = records[i]["text"].split("\n\n")
        query = damaged("x\n\n" + " ".join(paragraphs[: max(1, len(paragraphs) // 2)]))
        same_scores(store, memory, query)
        mine = [a.path for _, a in store.retrieve(query)]
        found += bool(mine) and mine[0].endswith(f"#{records[i]['id']}")
    assert found >= 39


def made_up_paragraph(rng: random.Random, words: int = 30) -> str:
    """A paragraph of made-up words (letters only: each word is a key of its own)."""
    return " ".join("".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(4))
                    for _ in range(words)) + "."


def write_articles(path: Path, articles: dict[str, list[str]]) -> Path:
    path.write_text("".join(json.dumps({"id": ident, "text": "\n\n".join(paragraphs)}) + "\n"
                            for ident, paragraphs in articles.items()), encoding="utf-8")
    return path


def test_the_source_is_found_among_many_articles_sharing_its_rarest_paragraph(tmp_path):
    # Paragraph a is in 41 articles, b in 61: a text's rarest keys are all a's, and they alone
    # would rank the 40 other articles holding a (of the same length) with the source.
    rng = random.Random(5)
    a, b = made_up_paragraph(rng), made_up_paragraph(rng)
    articles = {f"a{j}": [a, made_up_paragraph(rng)] for j in range(40)}
    articles |= {f"b{j}": [made_up_paragraph(rng), b] for j in range(60)}
    articles |= {f"other{j}": [made_up_paragraph(rng)] for j in range(100)}
    articles["source"] = [a, b]
    db = tmp_path / "refs.db"
    build_library(db, [write_articles(tmp_path / "refs.jsonl", articles)])
    store = LibraryStore.open(db)
    query = f"{a} {b}"
    ranked = store.matches(query)
    assert ranked[0].index == store.rowid("source") and ranked[0].coverage == pytest.approx(1.0)
    assert [art.path for art in store.references_for(query)][0].endswith("#source")
    assert ranked[1].coverage < 0.7  # every other article holds one of the two paragraphs


def test_articles_holding_every_key_are_ordered_by_the_text_order(tmp_path):
    rng = random.Random(6)
    a, b, x, y, z = (made_up_paragraph(rng) for _ in range(5))
    articles = {"source": [a, b, y, z], "shuffled": [b, x, a]} | {f"other{j}": [made_up_paragraph(rng)] for j in range(6)}
    db = tmp_path / "refs.db"
    build_library(db, [write_articles(tmp_path / "refs.jsonl", articles)])
    store = LibraryStore.open(db)
    first, second = store.matches(f"{a} {b}")[:2]
    assert first.coverage == second.coverage == pytest.approx(1.0)
    assert (first.index, second.index) == (store.rowid("source"), store.rowid("shuffled"))
    assert second.similarity > first.similarity  # the shorter article is more similar, not the source
    assert [art.path for art in store.references_for(f"{a} {b}")][0].endswith("#source")


def test_add_is_one_transaction_and_skips_what_is_there(tmp_path, refs):
    db = tmp_path / "refs.db"
    build_library(db, [refs])
    extra = write_refs(tmp_path / "extra.jsonl", {"bank": TOPICS["bank"], "new": "New\n\nA new story about ferries."})
    assert add_to_library(db, [extra]).added == 1
    again = add_to_library(db, [extra])
    assert (again.added, again.unchanged) == (0, 2)
    clash = write_refs(tmp_path / "clash.jsonl", {"later": "Later\n\nAnother.", "bank": "Bank\n\nOther content."})
    with pytest.raises(InputError, match="'bank' .* already in the library with other content"):
        add_to_library(db, [clash])
    store = LibraryStore.open(db)
    assert len(store) == len(TOPICS) + 1 and not any(p.endswith("#later") for p in store.paths)  # rolled back


def test_build_replaces_a_file_only_when_the_new_one_is_complete(tmp_path, refs):
    db = tmp_path / "refs.db"
    build_library(db, [refs])
    before = db.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "fine"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:2: not a reference record"):
        build_library(db, [bad])
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "refs.db",
                                                                                         "refs.jsonl"]


def test_opening_something_else_is_a_clear_error(tmp_path):
    (tmp_path / "text.db").write_text("not a database at all, just text " * 40, encoding="utf-8")
    with pytest.raises(InputError, match="not a repairkit library"):
        LibraryStore.open(tmp_path / "text.db")
    conn = sqlite3.connect(tmp_path / "other.db")
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('format', 'something/9')")
    conn.commit()
    conn.close()
    with pytest.raises(InputError, match=f"expected '{FORMAT_TAG}'"):
        LibraryStore.open(tmp_path / "other.db")
    with pytest.raises(InputError, match="no such library file"):
        LibraryStore.open(tmp_path / "missing.db")


def test_cli_build_add_stats(runner, tmp_path, refs):
    db = tmp_path / "refs.db"
    built = runner.invoke(main, ["library", "build", str(refs), "-o", str(db)])
    assert built.exit_code == 0 and f"built {db}: {len(TOPICS)} articles" in built.stderr
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferries\n\nThe ferry crossed the strait in a gale.", encoding="utf-8")
    added = runner.invoke(main, ["library", "add", str(db), str(folder)])
    assert added.exit_code == 0 and "added 1 articles" in added.stderr
    stats = runner.invoke(main, ["library", "stats", str(db), "--format", "json"])
    data = json.loads(stats.stdout)
    assert data["format"] == FORMAT_TAG and data["articles"] == len(TOPICS) + 1 and data["bytes_on_disk"] > 0
    assert data["keys"] > 20 and data["updated"] >= data["created"]
    text = runner.invoke(main, ["library", "stats", str(db)])
    assert text.exit_code == 0 and f"{len(TOPICS) + 1} articles" in text.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["library", "build", "{refs}", "-o", "{tmp}/refs.sqlite"], "must end in .db"),
    (["library", "build", "{tmp}/missing.jsonl", "-o", "{tmp}/x.db"], "no such file or directory"),
    (["library", "stats", "{refs}"], "not a repairkit library"),
    (["library", "add", "{tmp}/missing.db", "{refs}"], "no such library file"),
    (["scan", "{commentary}", "-r", "{tmp}/missing.db"], "no such library file"),
])
def test_cli_errors_exit_2(runner, tmp_path, refs, args, message):
    values = {"refs": str(refs), "tmp": str(tmp_path), "commentary": str(COMMENTARY)}
    if args[:2] == ["library", "stats"]:
        fake = tmp_path / "refs.db"
        fake.write_text("plain text, not SQLite " * 20, encoding="utf-8")
        values["refs"] = str(fake)
    result = runner.invoke(main, [a.format(**values) for a in args])
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert "Traceback" not in result.output


def test_scan_review_fix_accept_a_library_file(runner, tmp_path):
    db = tmp_path / "refs.db"
    build_library(db, [ARTICLE])
    via_db = runner.invoke(main, ["scan", str(COMMENTARY), "-r", str(db), "--format", "json"])
    via_file = runner.invoke(main, ["scan", str(COMMENTARY), "-r", str(ARTICLE), "--format", "json"])
    assert via_db.exit_code == via_file.exit_code == 1 and via_db.stdout == via_file.stdout
    fixed_db = runner.invoke(main, ["fix", str(COMMENTARY), "-r", str(db), "--diff"])
    fixed_file = runner.invoke(main, ["fix", str(COMMENTARY), "-r", str(ARTICLE), "--diff"])
    assert fixed_db.stdout == fixed_file.stdout and fixed_db.stdout
    review = runner.invoke(main, ["review", str(COMMENTARY), "-r", str(db), "--out", str(tmp_path / "reports")])
    assert review.exit_code in (0, 1), review.output
    assert (tmp_path / "reports" / "scraped_commentary.html").exists()
    mixed = runner.invoke(main, ["scan", str(COMMENTARY), "-r", str(db), "-r", str(ARTICLE)])
    assert mixed.exit_code == 2 and "a library file is given alone" in mixed.stderr


def test_batch_reference_ids_pick_articles_from_the_library(runner, tmp_path, refs):
    db = tmp_path / "refs.db"
    build_library(db, [refs])
    source = tmp_path / "in.jsonl"
    query = damaged(TOPICS["match"])
    source.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "auto", "text": query},
        {"id": "named", "text": query, "reference_ids": ["film", "bank"]},
        {"id": "none", "text": query, "reference_ids": []},
        {"id": "unknown", "text": query, "reference_ids": ["nope"]},
    ]), encoding="utf-8")
    for library in (db, refs):
        result = runner.invoke(main, ["batch", str(source), "-r", str(library), "--fail-on", "never"])
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [[r["path"].rsplit("#", 1)[1] for r in d.get("references", [])] for d in lines] == [
            ["match"], ["film", "bank"], [], []]
        assert "'nope' is not" in lines[3]["error"]
