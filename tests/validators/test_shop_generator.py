"""The benchmarks' shop generator makes valid, distinct, reproducible shops (and broken ones on request)."""

from __future__ import annotations

from pathlib import Path

from bench.shop_generator import generate_shops
from shopterms.policy.loader import load_policy
from shopterms.validators.file_report import check_loaded


def test_generated_shops_pass_every_check_and_differ_from_each_other(tmp_path: Path) -> None:
    paths = generate_shops(9, tmp_path, seed=3)
    reports = [check_loaded(load_policy(str(path))) for path in paths]
    assert [item.headline for report in reports for item in report.diagnostics] == []
    assert len({path.read_text(encoding="utf-8") for path in paths}) == 9
    assert [path.name for path in paths] == [f"shop-{index:05d}.yaml" for index in range(1, 10)]


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = generate_shops(6, tmp_path / "a", seed=11)
    second = generate_shops(6, tmp_path / "b", seed=11)
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]


def test_broken_shops_carry_a_located_error(tmp_path: Path) -> None:
    paths = generate_shops(1, tmp_path, seed=0, broken=2)
    broken = [check_loaded(load_policy(str(path))) for path in paths[1:]]
    assert [item.headline for report in broken for item in report.diagnostics] == [
        f"{tmp_path}/broken-0000{n}.yaml:12:3: error[SCHEMA001] unknown key 'timezon' in shop" for n in (1, 2)
    ]
