"""The installed distribution owns one import name, `shopterms`.

The source folders policy/, server/, validators/ and schemas/ share their names with unrelated PyPI
distributions (`policy`, `validators`, …). Installed, they live under `shopterms.` so that shopterms can
sit in any environment beside those packages without overwriting, shadowing or deleting them.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SOURCE_FOLDERS = ("policy", "server", "store", "validators", "schemas")
# The PyPI distributions whose import names are our source folders' names, installed by the test extra.
NEIGHBOURS = ("policy", "validators")
CHECKED_TREES = (*SOURCE_FOLDERS, "tests", "bench", "scripts")
# Folders shipped as data only: the documentation, which diagnostics link to on the user's machine.
DATA_PACKAGES = {"shopterms.docs": "docs"}
# Uses each neighbour and prints where `policy`, `validators` and our loader were read from. PyPI's
# `policy` 1.0.0 cannot be imported whole on Python >= 3.10 (it imports collections.Iterable), so the
# probe finds it by name and loads its standalone exceptions module from the file that name resolves to.
NEIGHBOURS_PROBE = """
import importlib.util, validators
policy = importlib.util.find_spec("policy")
exceptions_file = policy.origin.replace("__init__", "exceptions")
spec = importlib.util.spec_from_file_location("policy_exceptions", exceptions_file)
exceptions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exceptions)
assert str(exceptions.InvalidRuleException("r")) == "Invalid rule 'r'"
assert validators.email("merchant@example.com") is True
try:
    ours = importlib.util.find_spec("shopterms.policy.loader").origin
except ModuleNotFoundError:
    ours = "-"
print(policy.origin); print(validators.__file__); print(ours)
"""


def _pyproject() -> dict:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_lists_every_package_folder_under_shopterms() -> None:
    folders = {
        "shopterms." + init.parent.relative_to(REPO_ROOT).as_posix().replace("/", ".")
        for top in SOURCE_FOLDERS
        for init in (REPO_ROOT / top).rglob("__init__.py")
    }
    assert set(_pyproject()["tool"]["setuptools"]["packages"]) == folders | set(DATA_PACKAGES)
    assert {
        name: _pyproject()["tool"]["setuptools"]["package-dir"][name] for name in DATA_PACKAGES
    } == DATA_PACKAGES


@pytest.mark.parametrize("package", SOURCE_FOLDERS)
def test_imported_package_is_the_one_in_this_repository(package: str) -> None:
    module = importlib.import_module(f"shopterms.{package}")
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().parent == REPO_ROOT / package


def test_no_module_imports_our_folders_by_their_bare_names() -> None:
    offending = []
    for top in CHECKED_TREES:
        for path in sorted((REPO_ROOT / top).rglob("*.py")):
            if "node_modules" in path.parts:  # the external clients' npm packages, not our code
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module]
                    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                    else []
                )
                offending += [
                    f"{path.relative_to(REPO_ROOT)}:{node.lineno} {name}"
                    for name in names
                    if name.split(".")[0] in SOURCE_FOLDERS
                ]
    assert not offending


def _file_hashes(site: Path, distribution: str) -> dict[str, str]:
    files = importlib.metadata.distribution(distribution).files or []
    return {
        str(entry): hashlib.sha256((site / entry).read_bytes()).hexdigest()
        for entry in files
        if entry.suffix == ".py"
    }


def _copy_installed(distribution: str, target_site: Path) -> None:
    """Copy an installed distribution (its files and its dist-info) into another site-packages."""
    installed = importlib.metadata.distribution(distribution)
    for entry in installed.files or []:
        source = Path(str(installed.locate_file(entry)))
        if source.is_file() and "__pycache__" not in entry.parts:
            destination = target_site / entry
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)


def _run(*command: str | Path, cwd: Path = REPO_ROOT) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={key: value for key, value in os.environ.items() if key != "PYTHONPATH"},
    )
    assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    return done.stdout


def test_the_wheel_installs_beside_pypi_policy_and_validators_and_uninstalls_cleanly(tmp_path: Path) -> None:
    # Build the wheel from a clean copy of the sources, offline, with the setuptools of this environment.
    source = tmp_path / "source"
    tracked = _run("git", "ls-files", "-z").split("\0")
    for name in filter(None, tracked):
        if (REPO_ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--wheel-dir",
        wheels,
        source,
    )
    (wheel,) = wheels.glob("shopterms-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names), "the MIT licence is shipped"
    assert {"shopterms/docs/rules.md", "shopterms/docs/score.md"} <= names, "the linked documentation ships"
    # The store's migrations travel inside the package: `shopterms store upgrade` runs them from there.
    assert {
        "shopterms/store/migrations/env.py",
        "shopterms/store/migrations/script.py.mako",
        "shopterms/store/migrations/versions/0001_versions.py",
    } <= names

    # A fresh environment: the two neighbours copied in as installed distributions; shopterms' own
    # dependencies visible through a path entry to this environment's site-packages.
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    for neighbour in NEIGHBOURS:
        _copy_installed(neighbour, site)
    (site / "zz-shopterms-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    before = {neighbour: _file_hashes(site, neighbour) for neighbour in NEIGHBOURS}

    pip = (sys.executable, "-m", "pip", "--python", python)
    _run(*pip, "install", "--quiet", "--no-deps", "--no-index", wheel)

    # All three work side by side, each from its own files.
    _run(venv / "bin" / "shopterms", "validate", REPO_ROOT / "examples" / "kleinkram.yaml", cwd=tmp_path)
    files = _run(python, "-c", NEIGHBOURS_PROBE, cwd=tmp_path).split()
    assert [Path(file).relative_to(site).parts[0] for file in files] == ["policy", "validators", "shopterms"]
    assert {neighbour: _file_hashes(site, neighbour) for neighbour in NEIGHBOURS} == before

    _run(*pip, "uninstall", "--quiet", "--yes", "shopterms")
    assert {neighbour: _file_hashes(site, neighbour) for neighbour in NEIGHBOURS} == before
    files = _run(python, "-c", NEIGHBOURS_PROBE, cwd=tmp_path).split()
    assert [Path(file).relative_to(site).parts[0] for file in files[:2]] == ["policy", "validators"]
    assert files[2] == "-"
    assert not [path for path in (site / "shopterms").rglob("*") if path.is_file()]
