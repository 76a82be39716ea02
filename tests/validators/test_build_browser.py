"""The built terms page in a real browser: headless Chromium renders it, its DOM keeps the JSON-LD, and a
screenshot is taken (look at it with `pytest -m browser --basetemp=...`, see docs/build.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from shopterms.validators.cli import main
from tests.conftest import EXAMPLES_DIR
from tests.headless_chromium import chromium, require_chromium, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    out = tmp_path_factory.mktemp("browser") / "site"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES_DIR / "nordlicht-mode.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("page", ["index.html", "index.en.html"])
def test_rendered_dom_carries_the_shop_name_and_the_jsonld(site: Path, page: str, tmp_path: Path) -> None:
    run = chromium(tmp_path / "profile", "--dump-dom", (site / page).as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert "<h1>Nordlicht Mode</h1>" in dom
    assert '<script type="application/ld+json">' in dom
    assert '"@id": "https://nordlicht-mode.example/#organization"' in dom


def test_screenshot_of_the_terms_page_is_written(site: Path, tmp_path: Path) -> None:
    shot = tmp_path / "screenshots" / "terms-de.png"
    shot.parent.mkdir()
    data = screenshot(tmp_path / "profile", site / "index.html", shot, 1280, 2400)
    assert len(data) > 10_000
