"""`shopterms build DIR -o OUT`: each shop into OUT/<shop>/, atomically, past broken files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bench.shop_generator import generate_shops
from shopterms.validators.cli import main


def _run(*arguments: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.stdout, result.stderr


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in directory.rglob("*")
        if path.is_file()
    }


def test_each_shop_is_built_into_its_own_directory_and_the_broken_one_is_listed(tmp_path: Path) -> None:
    generate_shops(3, tmp_path / "shops", seed=1, broken=1)
    status, stdout, stderr = _run(
        "build", str(tmp_path / "shops"), "-o", str(tmp_path / "site"), "--jobs", "2"
    )
    assert status == 1
    assert sorted(path.name for path in (tmp_path / "site").iterdir()) == [
        "shop-00001",
        "shop-00002",
        "shop-00003",
    ]
    broken = tmp_path / "shops" / "broken-00001.yaml"
    assert (
        f"shopterms build: 1 of 4 files failed:\n  {broken}:12:3: error[SCHEMA001] unknown key 'timezon'"
        in stderr
    )
    assert stdout.startswith("built 3 shops, 1 failed (4 files, 2 jobs, ")
    assert stdout.rstrip().endswith(f"into {tmp_path / 'site'}")


def test_a_shop_built_from_a_directory_has_the_files_of_a_single_build(tmp_path: Path) -> None:
    paths = generate_shops(2, tmp_path / "shops", seed=2)
    assert _run("build", str(tmp_path / "shops"), "-o", str(tmp_path / "site"))[0] == 0
    assert _run("build", str(paths[1]), "-o", str(tmp_path / "single"))[0] == 0
    assert _tree(tmp_path / "site" / "shop-00002") == _tree(tmp_path / "single")


def test_a_shop_that_fails_on_rebuild_keeps_its_previous_artefacts(tmp_path: Path) -> None:
    paths = generate_shops(3, tmp_path / "shops", seed=3)
    site = tmp_path / "site"
    assert _run("build", str(tmp_path / "shops"), "-o", str(site), "--jobs", "2")[0] == 0
    before = _tree(site / "shop-00002")
    paths[1].write_text(
        paths[1].read_text(encoding="utf-8").replace("currency:", "curency:"), encoding="utf-8"
    )
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("Mode 1", "Mode Eins"), encoding="utf-8")
    status, _, stderr = _run("build", str(tmp_path / "shops"), "-o", str(site), "--jobs", "2")
    assert status == 1
    assert f"{paths[1]}:" in stderr and "error[SCHEMA001] unknown key 'curency'" in stderr
    assert _tree(site / "shop-00002") == before
    assert "Nordlicht Mode Eins" in (site / "shop-00001" / "index.html").read_text(encoding="utf-8")
    assert sorted(path.name for path in site.iterdir()) == [
        "shop-00001",
        "shop-00002",
        "shop-00003",
    ]  # no leftovers


def test_a_shop_whose_directory_holds_foreign_files_fails_alone(tmp_path: Path) -> None:
    generate_shops(2, tmp_path / "shops", seed=4)
    (tmp_path / "site" / "shop-00001").mkdir(parents=True)
    (tmp_path / "site" / "shop-00001" / "notes.txt").write_text("mine", encoding="utf-8")
    status, _, stderr = _run("build", str(tmp_path / "shops"), "-o", str(tmp_path / "site"), "--jobs", "1")
    assert status == 1
    assert "shop-00001 holds files that shopterms build did not write (no policy.jsonld)" in stderr
    assert (tmp_path / "site" / "shop-00001" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "site" / "shop-00002" / "policy.jsonld").is_file()


def test_an_output_that_is_a_file_is_refused_before_any_shop(tmp_path: Path) -> None:
    generate_shops(1, tmp_path / "shops", seed=5)
    (tmp_path / "site").write_text("x", encoding="utf-8")
    status, _, stderr = _run("build", str(tmp_path / "shops"), "-o", str(tmp_path / "site"))
    assert status == 2
    assert stderr.startswith(f"shopterms build: cannot create {tmp_path / 'site'}:")
