"""`shopterms publish DIR`: every shop of a directory on a pool of processes, past broken files.

Each test runs the real command with a real process pool (--jobs 2, or 1 for the in-process loop),
on SQLite and on PostgreSQL when a server is given (the store_url fixture).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.shop_generator import generate_shops
from shopterms.store.location import parse_store
from shopterms.store.reading import StoreReader
from shopterms.validators.cli import main

PROGRESS_LINE = re.compile(r"^publish: (\d+)/(\d+) shops \((\d+) failed\)$")


def _run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def _versions(store_url: str) -> dict[str, list[int]]:
    with StoreReader.open(parse_store(store_url)) as store:
        return {shop: [version.number or 0 for version in store.versions(shop)] for shop in store.shops()}


def _counter(store_url: str) -> int:
    with StoreReader.open(parse_store(store_url)) as store:
        return store.change_counter()


def test_a_broken_file_is_listed_with_its_place_and_every_other_shop_is_published(
    tmp_path: Path, store_url: str
) -> None:
    generate_shops(4, tmp_path / "shops", seed=1, broken=1)
    status, stdout, stderr = _run("publish", str(tmp_path / "shops"), "--store", store_url, "--jobs", "2")
    assert status == 1
    assert _versions(store_url) == {f"shop-0000{n}": [1] for n in range(1, 5)}
    broken = tmp_path / "shops" / "broken-00001.yaml"
    assert (
        f"shopterms publish: 1 of 5 files failed:\n  {broken}:12:3: error[SCHEMA001] unknown key 'timezon'"
        in (stderr)
    )
    assert stdout.startswith("published 4 shops, 1 failed (5 files, 2 jobs, ")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_publishing_an_unchanged_directory_again_records_nothing_and_says_so(
    tmp_path: Path, store_url: str, jobs: str
) -> None:
    generate_shops(3, tmp_path / "shops", seed=2)
    assert _run("publish", str(tmp_path / "shops"), "--store", store_url, "--jobs", jobs)[0] == 0
    counter = _counter(store_url)
    status, stdout, _ = _run("publish", str(tmp_path / "shops"), "--store", store_url, "--jobs", jobs)
    assert status == 0
    assert stdout.startswith(f"published 0 shops, 3 unchanged (3 files, {jobs} jobs, ")
    assert stdout.rstrip().endswith("; nothing new was recorded")
    assert _counter(store_url) == counter
    assert _versions(store_url) == {f"shop-0000{n}": [1] for n in range(1, 4)}


def test_a_changed_file_becomes_its_shops_next_version_and_the_others_stay(tmp_path: Path) -> None:
    paths = generate_shops(3, tmp_path / "shops", seed=3)
    store = f"sqlite:///{tmp_path / 'store.db'}"
    _run("publish", str(tmp_path / "shops"), "--store", store)
    paths[1].write_text(
        paths[1].read_text(encoding="utf-8").replace("Voltwerk 2", "Voltwerk Zwei"), encoding="utf-8"
    )
    status, stdout, _ = _run("publish", str(tmp_path / "shops"), "--store", store, "--note", "new name")
    assert (status, stdout.split(" (")[0]) == (0, "published 1 shop, 2 unchanged")
    assert _versions(store) == {"shop-00001": [1], "shop-00002": [1, 2], "shop-00003": [1]}


def test_progress_is_written_as_plain_lines_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    generate_shops(11, tmp_path / "shops", seed=4, broken=1)
    _, _, stderr = _run("publish", str(tmp_path / "shops"), "--store", str(tmp_path / "s.db"), "--jobs", "2")
    lines = [line for line in stderr.splitlines() if line.startswith("publish: ")]
    assert all(PROGRESS_LINE.match(line) for line in lines), lines
    done = [int(PROGRESS_LINE.match(line).group(1)) for line in lines]  # type: ignore[union-attr]
    assert {2, 4, 6, 8, 10, 12} <= set(done) and done == sorted(done)  # each tenth, rounded up to 2 files
    assert lines[-1] == "publish: 12/12 shops (1 failed)"


def test_json_output_names_each_shops_version_and_each_failure(tmp_path: Path) -> None:
    generate_shops(2, tmp_path / "shops", seed=5, broken=1)
    status, stdout, _ = _run(
        "publish", str(tmp_path / "shops"), "--store", str(tmp_path / "s.db"), "--format", "json"
    )
    report = json.loads(stdout)
    assert status == 1
    assert report["counts"] == {"failed": 1, "published": 2}
    assert [(shop["shop"], shop["action"], shop["version"]["number"]) for shop in report["shops"]] == [
        ("shop-00001", "published", 1),
        ("shop-00002", "published", 1),
    ]
    assert report["failed"][0]["shop"] == "broken-00001"
    assert report["failed"][0]["problems"][0].endswith(
        ":12:3: error[SCHEMA001] unknown key 'timezon' in shop"
    )


def test_two_files_that_name_the_same_shop_stop_the_run_before_anything_is_published(tmp_path: Path) -> None:
    paths = generate_shops(1, tmp_path / "shops", seed=6)
    paths[0].with_suffix(".yml").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    status, _, stderr = _run("publish", str(tmp_path / "shops"), "--store", str(tmp_path / "s.db"))
    assert status == 2
    assert "shop-00001.yaml and shop-00001.yml would both be shop shop-00001; keep one" in stderr
    assert not (tmp_path / "s.db").exists()


def test_a_directory_without_policy_files_and_shop_with_a_directory_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    status, _, stderr = _run("publish", str(tmp_path / "empty"))
    assert (status, stderr) == (
        2,
        f"shopterms publish: {tmp_path / 'empty'} holds no policy files (*.yaml, *.yml)\n",
    )
    status, _, stderr = _run("publish", str(tmp_path / "empty"), "--shop", "x")
    assert status == 2 and "--shop names one shop" in stderr


def test_sign_note_and_effective_apply_to_every_shop_of_the_directory(tmp_path: Path) -> None:
    generate_shops(2, tmp_path / "shops", seed=7)
    store = f"sqlite:///{tmp_path / 's.db'}"
    _run("keys", "init", "--key", str(tmp_path / "key.pem"))
    arguments = ["--store", store, "--note", "first terms", "--effective", "2026-01-01"]
    status, _, _ = _run(
        "publish", str(tmp_path / "shops"), *arguments, "--sign", "--key", str(tmp_path / "key.pem")
    )
    assert status == 0
    with StoreReader.open(parse_store(store)) as reader:
        versions = [reader.versions(shop)[0] for shop in reader.shops()]
    assert [(version.note, version.signed) for version in versions] == [("first terms", True)] * 2
    # midnight in each shop's own zone: shop-00001 is in Berlin, shop-00002 in Amsterdam (both +01:00)
    assert {version.effective_from.isoformat() for version in versions} == {"2026-01-01T00:00:00+01:00"}
