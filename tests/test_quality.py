"""The quality benchmark's scoring, on tiny hand-made cases, and its command line."""

from __future__ import annotations

import json

import pytest

from benchmarks.damage import Site, damage
from benchmarks.matching import Counts, Evaluation, evaluate, loud, spans_touch, subgroup
from benchmarks.quality import format_clean, format_profile, main, run_clean, run_profile
from repairkit.model import Finding, Severity, Span


def site(category: str, start: int, end: int, damaged: str = "x", kind: str = "k") -> Site:
    return Site(kind, category, start, end, start, end, damaged, damaged, "?")


def finding(category: str, start: int, end: int, severity: Severity = Severity.WARNING) -> Finding:
    return Finding("RK999", "test-rule", category, severity, Span(start, end), "msg")


TEXT = "Japans trade rose  in , to .bn and more"


def test_a_finding_on_a_site_of_its_category_counts():
    ev = evaluate(TEXT, [site("missing-apostrophe", 0, 6, "Japans")], [finding("missing-apostrophe", 0, 6)])
    c = ev.counts["missing-apostrophe"]
    assert (c.sites, c.detected, c.findings, c.true) == (1, 1, 1, 1)
    assert not ev.misses and not ev.false_alarms.get("missing-apostrophe")


def test_a_finding_elsewhere_is_a_false_alarm_and_the_site_a_miss():
    ev = evaluate(TEXT, [site("missing-apostrophe", 0, 6, "Japans")], [finding("missing-apostrophe", 7, 12)])
    c = ev.counts["missing-apostrophe"]
    assert (c.sites, c.detected, c.findings, c.true) == (1, 0, 1, 0)
    assert c.recall == 0.0 and c.precision == 0.0
    assert "⟦trade⟧" in ev.false_alarms["missing-apostrophe"][0]
    assert "⟦Japans⟧" in ev.misses["missing-apostrophe"][0]


def test_a_finding_of_another_category_does_not_count():
    ev = evaluate(TEXT, [site("missing-number", 18, 18, "")], [finding("missing-space", 13, 21)])
    assert ev.counts["missing-number"].detected == 0
    assert ev.counts["missing-space"].true == 0 and ev.counts["missing-space"].findings == 1


def test_zero_width_sites_match_findings_around_or_touching_them():
    vanished = site("missing-number", 18, 18, "")  # "rose  in": "5%" vanished between the spaces
    for start, end in ((13, 21), (18, 18), (13, 18), (18, 20)):
        assert evaluate(TEXT, [vanished], [finding("missing-number", start, end)]).counts["missing-number"].true == 1
    assert evaluate(TEXT, [vanished], [finding("missing-number", 19, 21)]).counts["missing-number"].true == 0


def test_spans_touch_tolerance_is_one_shared_end_point():
    assert spans_touch(0, 6, 6, 6) and spans_touch(0, 6, 6, 9)
    assert not spans_touch(0, 6, 7, 9) and not spans_touch(7, 9, 0, 6)


def test_one_finding_can_cover_several_sites_but_counts_once():
    sites = [site("missing-number", 22, 23, ","), site("missing-number", 27, 30, ".bn")]
    ev = evaluate(TEXT, sites, [finding("missing-number", 19, 30)])
    c = ev.counts["missing-number"]
    assert (c.sites, c.detected, c.findings, c.true) == (2, 2, 1, 1)


def test_split_by_common_word():
    rare = site("missing-apostrophe", 0, 8, "companys")
    common = site("missing-apostrophe", 9, 13, "its,")
    assert subgroup(rare) == "rare" and subgroup(common) == "common"
    assert subgroup(site("missing-number", 0, 3, "its")) == ""
    ev = evaluate("companys its, x", [rare, common], [finding("missing-apostrophe", 0, 8)])
    assert ev.counts["missing-apostrophe/rare"].recall == 1.0
    assert ev.counts["missing-apostrophe/common"].recall == 0.0
    assert ev.counts["missing-apostrophe"].recall == 0.5


def test_counts_without_sites_or_findings_have_no_ratio():
    assert Counts().recall is None and Counts().precision is None


def test_merge_adds_counts_and_keeps_a_few_examples():
    total = Evaluation()
    for _ in range(3):
        total.merge(evaluate(TEXT, [site("missing-number", 0, 6)], []), keep=2)
    assert total.counts["missing-number"].sites == 3
    assert len(total.misses["missing-number"]) == 2


def test_info_findings_are_tallied_apart_not_scored():
    sites = [site("missing-apostrophe", 0, 6, "Japans")]
    info_on_site = finding("missing-apostrophe", 0, 6, Severity.INFO)
    info_elsewhere = finding("style", 7, 12, Severity.INFO)
    ev = evaluate(TEXT, sites, [info_on_site, info_elsewhere])
    c = ev.counts["missing-apostrophe"]
    assert (c.sites, c.detected, c.findings, c.true) == (1, 0, 0, 0)  # an info finding detects nothing
    assert "style" not in ev.counts and not ev.false_alarms
    assert (ev.info["missing-apostrophe"].findings, ev.info["missing-apostrophe"].true) == (1, 1)
    assert (ev.info["style"].findings, ev.info["style"].true, ev.info_total) == (1, 0, 2)
    total = Evaluation()
    total.merge(ev, keep=1)
    total.merge(ev, keep=1)
    assert total.info_total == 4


def test_a_category_without_sites_says_its_findings_are_false_alarms():
    from benchmarks.quality import ProfileResult

    result = ProfileResult("digits", 0.5, words=2000)
    result.evaluation = evaluate(TEXT, [site("missing-number", 19, 21)],
                                 [finding("missing-space", 0, 6), finding("missing-space", 7, 12),
                                  finding("style", 0, 3, Severity.INFO)])
    table = format_profile(result)
    row = next(line for line in table.splitlines() if line.startswith("missing-space"))
    assert "no sites (2 findings = false alarms)" in row and "0.000" not in row
    assert "info findings (not scored): 1 = 0.500 per 1,000 words; style 1 (0.500)" in table
    assert not any(line.startswith("style") for line in table.splitlines())


def test_loud_keeps_warnings_and_errors():
    found = [finding("style", 0, 1, Severity.INFO), finding("style", 0, 1, Severity.ERROR)]
    assert [f.severity for f in loud(found)] == [Severity.ERROR]


ARTICLES = [{"id": "a", "text": "In 2020, profits rose 5% to $1.5bn.\n\nIt was the 3rd rise."},
            {"id": "b", "text": "Sales fell in 2004, the firm said."}]


def test_run_profile_scores_real_detectors_on_damaged_articles():
    result = run_profile(ARTICLES, "digits", 1.0, workers=1)
    c = result.evaluation.counts["missing-number"]
    expected = sum(s.category == "missing-number" for i, a in enumerate(ARTICLES) for s in damage(a["text"], "digits",
                                                                                                   seed=i).sites)
    assert c.sites == expected and 0 < c.detected <= c.sites
    assert result.articles == 2 and result.words == 19
    table = format_profile(result)
    assert "missing-number" in table and "≥0.95" in table


def test_select_limits_the_rules():
    all_rules = run_profile(ARTICLES, "digits", 1.0, workers=1).evaluation.counts["missing-number"]
    only_ordinals = run_profile(ARTICLES, "digits", 1.0, workers=1, select=["RK101"]).evaluation.counts
    assert only_ordinals["missing-number"].findings < all_rules.findings
    assert only_ordinals["missing-number"].sites == all_rules.sites
    assert run_clean([{"text": "In , the th summit."}], workers=1, select=["RK101"]).total == 1


def test_run_clean_counts_only_loud_findings_per_thousand_words():
    clean = run_clean([{"id": "x", "text": "In , the th summit was held."}], workers=1)
    assert clean.total >= 2 and clean.by_category["missing-number"] == clean.total
    assert clean.per_thousand(clean.total) == pytest.approx(1000 * clean.total / 7)
    assert "ABOVE" in format_clean(clean)
    assert run_clean(ARTICLES, workers=1).total == 0


def test_main_prints_tables_and_writes_json(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "figures.json"
    code = main(["--corpus", str(corpus), "--profile", "seed", "--profile", "digits", "--json", str(out),
                 "--workers", "1", "--category", "missing-number", "--examples", "5"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "== profile seed (rate 1.0)" in printed and "== profile digits (rate 0.5)" in printed
    assert "undamaged articles: 2 articles" in printed and "words/s" in printed
    summary = printed[printed.index("== summary"):]
    assert "seed         missing-number" in summary and "digits       missing-number" in summary
    assert "warnings+errors /1,000 words" in summary
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["profiles"]) == {"seed", "digits"}
    assert data["rules"] == "all" and data["targets"]["precision"] == 0.9
    assert data["profiles"]["seed"]["categories"]["missing-number"]["sites"] > 0
    assert isinstance(data["profiles"]["seed"]["info"], dict)  # short articles: no readability summary
    assert "info findings (not scored)" in printed
    assert data["clean"]["articles"] == 2 and [p.name for p in tmp_path.iterdir()] != []
    assert not list(tmp_path.glob(".*.tmp"))


def test_summary_flags_targets_and_missing_detectors():
    from benchmarks.quality import ProfileResult, format_summary

    result = ProfileResult("seed", 1.0)
    result.evaluation.counts.update({"missing-number": Counts(10, 9, 10, 10), "missing-quote": Counts(5, 0, 0, 0)})
    lines = format_summary([result], None).splitlines()
    assert lines[2].endswith("BELOW")  # recall 0.9 < 0.95
    assert lines[3].endswith("no findings (no detector yet?)")
    result.evaluation.counts["missing-number"] = Counts(10, 10, 10, 10)
    assert format_summary([result], None).splitlines()[2].endswith("ok")


def test_main_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["--corpus", str(tmp_path / "missing.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot read the corpus") and err.count("\n") == 1
    for bad in ("{not json\n", '{"id": "x"}\n', "[1, 2]\n"):
        corpus = tmp_path / "bad.jsonl"
        corpus.write_text(bad, encoding="utf-8")
        assert main(["--corpus", str(corpus)]) == 2
        err = capsys.readouterr().err
        assert "bad.jsonl:1" in err and err.count("\n") == 1
    assert main(["--corpus", str(tmp_path / "missing.jsonl"), "--select", "RK999"]) == 2
    assert capsys.readouterr().err.startswith("error: --select: 'RK999' matches no rule")
    for argv in (["--limit", "0"], ["--json", str(tmp_path / "nope" / "x.json")], ["--profile", "none"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(ARTICLES[1]) + "\n", encoding="utf-8")
    target = tmp_path / "taken"
    target.mkdir()  # a directory where the JSON file should go: cannot be replaced
    assert main(["--corpus", str(good), "--workers", "1", "--profile", "digits", "--json", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"error: cannot write {target}")
    assert target.is_dir() and not list(tmp_path.glob(".*.tmp"))


def test_clean_run_counts_articles_a_safe_fix_would_change():
    clean = run_clean([{"id": "x", "text": "It doesnt work."}, {"id": "y", "text": "Sales fell."}], workers=1)
    assert clean.fix_changed == 1
    assert clean.fix_examples == ["It ⟦doesnt → doesn't⟧ work."]
    assert "would change: 1 of 2 (target 0) ABOVE" in format_clean(clean)
    other = run_clean([{"id": "z", "text": "It doesnt."}], workers=1)
    clean.merge(other, keep=3)
    assert (clean.articles, clean.fix_changed, len(clean.fix_examples)) == (3, 2, 2)


def test_held_out_half_of_ids_without_a_number_is_stable_and_a_partition():
    from benchmarks.sources import held_out_half

    ids = [{"id": f"speech-18{n:02d}-address-{w}"} for n in range(40) for w in ("war", "peace")]
    odd, even = held_out_half(ids, "odd"), held_out_half(ids, "even")
    assert len(odd) + len(even) == len(ids) and not {a["id"] for a in odd} & {a["id"] for a in even}
    assert 20 < len(odd) < 60  # a checksum splits about evenly
    assert held_out_half(list(reversed(ids)), "odd") == list(reversed(odd))  # not the file order
    assert [a["id"] for a in held_out_half([{"id": "bbc-x-007"}, {"id": "bbc-x-010"}], "odd")] == ["bbc-x-007"]


def test_product_pages_are_deterministic_clean_registers_of_specs_prices_and_tables():
    from benchmarks.products import product_corpus

    pages = product_corpus(12)
    assert pages == product_corpus(12) and pages != product_corpus(12, seed=1)
    text = "\n\n".join(p["text"] for p in pages)
    for needle in ("£", "-inch", " x ", "out of 5", "/10", "\n- ", "   "):
        assert needle in text, needle
    assert len({p["title"] for p in pages}) == 12


def test_main_per_source_prints_the_table_per_source(tmp_path, capsys):
    out = tmp_path / "sources.json"
    assert main(["--source", "products", "--limit", "6", "--workers", "1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "#### source products (6 articles)" in printed
    table = printed[printed.index("== per source: profile seed, rate 1.0"):]
    assert "missing numbers found" in table and "clean articles a safe fix changes" in table
    assert "false alarms per 1,000 clean words" in table and "≤ 0.5" in table
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["sources"]["seed"]["products"]["clean"]["articles"] == 6
    assert data["sources"]["seed"]["products"]["profiles"]["seed"]["categories"]["missing-number"]["sites"] > 0


def test_a_finding_of_a_class_the_token_also_lost_is_true_but_the_site_counts_once():
    d = damage("It rose (2020) again.")
    site_ = next(s for s in d.sites if s.original == "(2020)")
    assert site_.category == "missing-number" and "bracket" in site_.lost
    bracket = finding("missing-bracket", site_.start, site_.end)
    ev = evaluate(d.text, d.sites, [bracket])
    assert ev.counts["missing-bracket"].true == 1  # not a false alarm
    assert ev.counts["missing-number"].detected == 0  # recall counts the number only
    assert "missing-bracket" not in {k for k, c in ev.counts.items() if c.sites}
