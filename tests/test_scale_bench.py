"""bench/scale.py measures shops generated from the examples; they must be valid and differ."""

from __future__ import annotations

from pathlib import Path

from bench.scale_checks import Row
from bench.scale_shops import vary_examples
from shopterms.policy.loader import load_policy_text
from shopterms.validators.file_report import check_loaded


def test_generated_shops_pass_the_checks_publish_runs_and_are_all_different(tmp_path: Path) -> None:
    files = vary_examples(9, tmp_path, seed=7)
    texts = [file.read_text(encoding="utf-8") for file in files]
    errors = {
        file.name: [item.code for item in report.diagnostics if item.severity == "error"]
        for file, text in zip(files, texts, strict=True)
        if (report := check_loaded(load_policy_text(text, file.name)))
    }
    assert errors == {file.name: [] for file in files}
    assert len(set(texts)) == len(texts)


def test_the_same_seed_generates_the_same_shops(tmp_path: Path) -> None:
    first = [file.read_text(encoding="utf-8") for file in vary_examples(4, tmp_path / "a", seed=3)]
    second = [file.read_text(encoding="utf-8") for file in vary_examples(4, tmp_path / "b", seed=3)]
    assert first == second


def test_a_start_up_slower_than_the_target_is_marked_missed() -> None:
    assert Row.startup(1.3, 1.0, 10, "").mark == "MISSED"
    assert Row.startup(1.1, 1.0, 10, "").mark == "ok"
