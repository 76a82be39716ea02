"""`build --evidence` writes the figures into the JSON-LD and the terms page; `serve --evidence` and
`mcp --evidence` refuse a store they cannot read before serving anything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from shopterms.store.engine import open_writer
from shopterms.store.evidence.runs import save_run
from shopterms.store.location import resolve_store
from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR
from tests.policy.evidence.figures_examples import example_figures


def _policy(tmp_path: Path, figures: bool = True) -> Path:
    policy = Path(shutil.copy(EXAMPLES_DIR / "nordlicht-mode.yaml", tmp_path / "nordlicht-mode.yaml"))
    if figures:
        location = resolve_store(None, policy)
        engine = open_writer(location)
        try:
            save_run(engine, location, example_figures(), {})
        finally:
            engine.dispose()
    return policy


def test_build_with_evidence_publishes_the_figures_in_the_jsonld_and_the_terms_page(tmp_path: Path) -> None:
    policy = _policy(tmp_path)
    result = CliRunner().invoke(main, ["build", str(policy), "-o", str(tmp_path / "site"), "--evidence"])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "site" / "policy.jsonld").read_text(encoding="utf-8"))
    organization = document["@graph"][0]
    assert organization["shopterms:deliveryPerformance"]["shopterms:sampleSize"] == 412
    assert 'id="performance"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    plain = CliRunner().invoke(main, ["build", str(policy), "-o", str(tmp_path / "plain")])
    assert plain.exit_code == 0
    assert "deliveryPerformance" not in (tmp_path / "plain" / "policy.jsonld").read_text(encoding="utf-8")


def test_build_with_evidence_but_no_store_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    policy = _policy(tmp_path, figures=False)
    result = CliRunner().invoke(main, ["build", str(policy), "-o", str(tmp_path / "site"), "--evidence"])
    assert result.exit_code == 2
    assert "there is no store at" in result.stderr and not (tmp_path / "site").exists()


def test_serve_and_mcp_with_evidence_refuse_a_missing_store_before_serving(tmp_path: Path) -> None:
    policy = _policy(tmp_path, figures=False)
    for command in (["serve", str(policy), "--evidence", "--port", "0"], ["mcp", str(policy), "--evidence"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, result.output
        assert "there is no store at" in result.stderr and "Traceback" not in result.output
