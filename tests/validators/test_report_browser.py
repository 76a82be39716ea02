"""The evidence report in a real browser: headless Chromium renders the HTML report of a simulated
export, and the screenshot shows every chart — found by the colours the charts are drawn in, where
each chart must have them (see policy.documents.performance.charts)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from shopterms.policy.documents.performance.charts import (
    CAUSE_DISPATCH,
    CAUSE_TRANSIT,
    IN_TIME,
    LATE,
    PROMISED_BAND,
    SERIES,
)
from tests.conftest import EXAMPLES_DIR
from tests.headless_chromium import chromium, require_chromium, screenshot
from tests.store.evidence.evidence_harness import run

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 1280, 4000
Pixel = tuple[int, int]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    folder = tmp_path_factory.mktemp("report")
    export, store, html = folder / "export.csv", f"sqlite:///{folder / 'store.db'}", folder / "report.html"
    policy = str(EXAMPLES_DIR / "nordlicht-mode.yaml")
    for command in (
        ["simulate", policy, "--parcels", "3000", "--until", "2026-12-20", "-o", str(export)],
        ["ingest", str(export), "--shop", "nordlicht-mode", "--store", store],
        ["report", policy, "--store", store, "--until", "2026-12-20", "-o", str(html), "--no-save"],
    ):
        code, _, err = run("evidence", *command)
        assert code == 0, err
    return html


@pytest.fixture(scope="module")
def image(report: Path, tmp_path_factory: pytest.TempPathFactory) -> Image.Image:
    folder = tmp_path_factory.mktemp("screenshots")
    screenshot(folder / "profile", report, folder / "report.png", WIDTH, HEIGHT)
    return Image.open(folder / "report.png").convert("RGB")


def pixels(
    image: Image.Image, colour: str, box: tuple[int, int, int, int] | None = None, tolerance: int = 8
) -> list[Pixel]:
    """(x, y) of every pixel drawn in `colour` (each channel within `tolerance` of it: smoothing), within
    `box`."""
    left, top, right, bottom = box or (0, 0, *image.size)
    part = image.crop((left, top, right, bottom))
    difference = ImageChops.difference(part, Image.new("RGB", part.size, colour)).split()
    farthest = ImageChops.lighter(ImageChops.lighter(difference[0], difference[1]), difference[2])
    matches = farthest.point(lambda value: 255 if value <= tolerance else 0).tobytes()
    width = right - left
    found: list[Pixel] = []
    index = matches.find(255)
    while index != -1:
        found.append((left + index % width, top + index // width))
        index = matches.find(255, index + 1)
    return found


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive rows grouped into (first, last) runs."""
    found: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if found and row == found[-1][1] + 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


def wide_rows(points: list[Pixel], least: int) -> list[int]:
    """Rows holding at least `least` of the points: a chart's areas, not the legend's small squares."""
    per_row: dict[int, int] = {}
    for _, y in points:
        per_row[y] = per_row.get(y, 0) + 1
    return [y for y, count in per_row.items() if count >= least]


def test_the_dom_holds_every_chart_as_inline_svg_and_nothing_loads_from_elsewhere(
    report: Path, tmp_path: Path
) -> None:
    rendered = chromium(tmp_path / "profile", "--dump-dom", report.as_uri())
    assert rendered.returncode == 0, rendered.stderr[-2000:]
    titles = re.findall(r"<svg[^>]*>\s*<title>([^<]+)</title>", rendered.stdout)
    lead = [title for title in titles if title.startswith("Lead time of ")]
    assert len(lead) == 3  # standard, express, international
    assert titles[len(lead) :] == ["On-time rate by week of order", "Late parcels by cause"]
    assert "<script" not in rendered.stdout and "<link" not in rendered.stdout


def test_each_lead_time_chart_shows_bars_inside_the_promised_band_and_late_ones_past_it(
    image: Image.Image,
) -> None:
    band = pixels(image, PROMISED_BAND)
    charts = [(top, bottom) for top, bottom in runs(wide_rows(band, 20)) if bottom - top > 100]
    assert len(charts) == 3, charts
    late_past_the_band = 0
    for top, bottom in charts:
        columns = [x for x, y in band if top <= y <= bottom]
        first, last = min(columns), max(columns)
        inside = pixels(image, IN_TIME, (0, top, WIDTH, bottom + 1))
        assert len(inside) > 200, (top, bottom)
        assert all(first <= x <= last for x, _ in inside)
        late_past_the_band += sum(x > last for x, _ in pixels(image, LATE, (0, top, WIDTH, bottom + 1)))
    assert late_past_the_band > 50  # the simulated export has late parcels


def test_the_weekly_chart_draws_a_line_per_service_across_the_weeks_and_the_reference_line(
    image: Image.Image,
) -> None:
    last_lead_chart = max(y for _, y in pixels(image, PROMISED_BAND))
    below = (0, last_lead_chart + 1, WIDTH, HEIGHT)
    # A thin dashed line (about 4 in 7 pixels drawn), blended where it falls between two pixel rows.
    reference = runs(wide_rows(pixels(image, LATE, below, tolerance=32), 150))
    assert reference, "no dashed reference line below the lead-time charts"
    top = reference[0][0] - 220
    chart = (0, max(top, below[1]), WIDTH, reference[0][0] + 220)
    for colour in SERIES[:3]:
        line = pixels(image, colour, chart)
        assert line, f"no line drawn in {colour}"
        xs = [x for x, _ in line]
        assert max(xs) - min(xs) > 400, colour  # thirteen weeks across the plot


def test_the_causes_chart_stacks_transit_after_dispatch_on_the_same_bar(image: Image.Image) -> None:
    dispatch = pixels(image, CAUSE_DISPATCH)
    transit = pixels(image, CAUSE_TRANSIT)
    bars = runs(wide_rows(dispatch, 14))
    assert bars, "no bar of parcels late by dispatch"
    stacked = 0
    for top, bottom in bars:
        left_part = [x for x, y in dispatch if top <= y <= bottom]
        right_part = [x for x, y in transit if top <= y <= bottom]
        if right_part and len(right_part) > 14 * (bottom - top):
            assert min(right_part) >= max(left_part) - 1
            stacked += 1
    assert stacked >= 1
