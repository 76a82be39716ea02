"""`shopterms evidence simulate`, `ingest` and `report` end to end: a synthetic export of the example
shop, ingested into a store, judged, printed and written as an HTML report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES_DIR
from tests.store.evidence.evidence_harness import run

EXAMPLE = str(EXAMPLES_DIR / "nordlicht-mode.yaml")


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("simulated") / "export.csv"
    code, out, err = run(
        "evidence", "simulate", EXAMPLE, "--parcels", "3000", "--until", "2026-12-20", "-o", str(path)
    )
    assert code == 0, err
    assert out.startswith("wrote 3000 parcels ordered 2026-09-22 to 2026-12-20")
    return path


def test_simulating_with_the_same_seed_gives_the_same_export(export: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.csv"
    run("evidence", "simulate", EXAMPLE, "--parcels", "3000", "--until", "2026-12-20", "-o", str(again))
    assert again.read_bytes() == export.read_bytes()
    assert export.read_text().splitlines()[0] == (
        "order_id,parcel,ordered_at,service,country,region,postal_code,carrier,status,shipped_at,"
        "delivered_at,return_requested_at,return_shipped_at,return_received_at,refunded_at"
    )


def test_simulate_writes_json_lines_to_standard_output(tmp_path: Path) -> None:
    code, out, _ = run(
        "evidence", "simulate", EXAMPLE, "--parcels", "5", "--until", "2026-06-30", "--format", "jsonl"
    )
    assert code == 0
    first = json.loads(out.splitlines()[0])
    assert set(first) >= {"order_id", "ordered_at", "service", "country"} and len(out.splitlines()) == 5


def test_report_prints_the_figures_saves_a_run_and_writes_a_self_contained_html_report(
    export: Path, tmp_path: Path
) -> None:
    store = f"sqlite:///{tmp_path / 'store.db'}"
    code, _, err = run("evidence", "ingest", str(export), "--shop", "nordlicht-mode", "--store", store)
    assert code == 0, err
    html = tmp_path / "report.html"
    code, out, err = run(
        "evidence", "report", EXAMPLE, "--store", store, "--until", "2026-12-20", "-o", str(html)
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        "nordlicht-mode: orders 2026-09-22 to 2026-12-20 (90 days), cells of fewer than 30 parcels withheld"
    )
    assert lines[1].split() == [
        "service",
        "destination",
        "parcels",
        "on",
        "time",
        "dispatch",
        "lead",
        "bd",
        "p50/p90",
        "days",
        "p50/p90",
        "refund",
        "p50/p90",
    ]
    assert lines[2].startswith("all ") and "withheld" in out
    assert f"figures run 1 of nordlicht-mode saved in {tmp_path / 'store.db'}" in out
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") >= 5 and "<script" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page


def test_report_of_a_shop_with_no_versions_and_no_policy_file_says_what_to_do(
    export: Path, tmp_path: Path
) -> None:
    store = f"sqlite:///{tmp_path / 'store.db'}"
    run("evidence", "ingest", str(export), "--shop", "nordlicht-mode", "--store", store)
    code, _, err = run("evidence", "report", "nordlicht-mode", "--store", store)
    assert code == 2
    assert "has no published versions of 'nordlicht-mode'" in err and "give the policy file as SHOP" in err


def test_report_as_json_lists_every_cell_with_its_sample_sizes(export: Path, tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'store.db'}"
    run("evidence", "ingest", str(export), "--shop", "nordlicht-mode", "--store", store)
    code, out, _ = run(
        "evidence",
        "report",
        EXAMPLE,
        "--store",
        store,
        "--until",
        "2026-12-20",
        "--format",
        "json",
        "--no-html",
        "--no-save",
    )
    assert code == 0
    figures = json.loads(out)
    assert (
        figures["overall"]["parcels"] + figures["overall"]["pending"] + figures["overall"]["not_delivered"]
        == 3000
    )
    standard = next(
        c for c in figures["cells"] if (c["service"], c["country"], c["region"]) == ("standard", "DE", None)
    )
    assert standard["published"] and standard["delivered"] <= standard["parcels"]
    assert not (tmp_path / "nordlicht-mode-performance.html").exists()
