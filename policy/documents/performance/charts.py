"""Charts as inline SVG: no script, no web font, no request, so a report is one file that opens anywhere.

Colours are fixed per meaning (promised window, in time, late, by cause), so a reader learns them once
and a screenshot test can find each chart by its colours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shopterms.policy.documents.markup import Markup, element

PROMISED_BAND = "#c6f6d5"
IN_TIME = "#2b6cb0"
EARLY = "#63b3ed"
LATE = "#dd6b20"
CAUSE_DISPATCH = "#c05621"
CAUSE_TRANSIT = "#6b46c1"
CAUSE_UNKNOWN = "#a0aec0"
SERIES = ("#2b6cb0", "#2f855a", "#b83280", "#975a16", "#2c7a7b", "#553c9a")
GRID = "#e2e8f0"
INK = "#1d2327"
MUTED = "#5b6670"
WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
MOST_DAYS_SHOWN = 15


@dataclass(frozen=True)
class Frame:
    """The plotting area inside an SVG of WIDTH by HEIGHT."""

    left: float = LEFT
    top: float = TOP
    width: float = WIDTH - LEFT - RIGHT
    height: float = HEIGHT - TOP - BOTTOM

    @property
    def bottom(self) -> float:
        return self.top + self.height


def _svg(title: str, *children: object, height: int = HEIGHT) -> Markup:
    return element(
        "svg",
        element("title", title),
        *children,
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {WIDTH} {height}",
        width=str(WIDTH),
        height=str(height),
        role="img",
        aria_label=title,
        class_="chart",
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11, fill: str = MUTED) -> Markup:
    return element(
        "text", text, x=f"{x:.1f}", y=f"{y:.1f}", text_anchor=anchor, font_size=str(size), fill=fill
    )


def _rect(x: float, y: float, width: float, height: float, fill: str) -> Markup:
    return element(
        "rect",
        x=f"{x:.1f}",
        y=f"{y:.1f}",
        width=f"{max(width, 0):.1f}",
        height=f"{max(height, 0):.1f}",
        fill=fill,
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str, dashed: bool = False) -> Markup:
    return element(
        "line",
        x1=f"{x1:.1f}",
        y1=f"{y1:.1f}",
        x2=f"{x2:.1f}",
        y2=f"{y2:.1f}",
        stroke=stroke,
        stroke_width="1",
        stroke_dasharray="4 3" if dashed else None,
    )


def lead_time_chart(title: str, histogram: Mapping[int, int], promised: tuple[int, int]) -> Markup:
    """Bars of parcels per business day of lead time, over the band of the promised window; bars past
    the promise in the colour of late."""
    frame = Frame()
    low, high = promised
    last = min(MOST_DAYS_SHOWN, max([high + 1, *histogram]) if histogram else high + 1)
    days = list(range(last + 1))
    counts = [histogram.get(day, 0) for day in days[:-1]] + [
        sum(n for d, n in histogram.items() if d >= last)
    ]
    tallest = max(counts) or 1
    step = frame.width / len(days)
    parts = [
        _rect(frame.left + low * step, frame.top, (high - low + 1) * step, frame.height, PROMISED_BAND),
        _line(frame.left, frame.bottom, frame.left + frame.width, frame.bottom, INK),
        _text(frame.left - 6, frame.top + 4, f"{tallest:,}", anchor="end"),
        _text(frame.left - 6, frame.bottom, "0", anchor="end"),
    ]
    for day, count in zip(days, counts, strict=True):
        bar = count / tallest * frame.height
        colour = LATE if day > high else EARLY if day < low else IN_TIME
        parts.append(
            _rect(frame.left + day * step + step * 0.15, frame.bottom - bar, step * 0.7, bar, colour)
        )
        label = f"{day}+" if day == last and last == MOST_DAYS_SHOWN else str(day)
        parts.append(_text(frame.left + day * step + step / 2, frame.bottom + 14, label))
    parts.append(_text(frame.left + frame.width / 2, HEIGHT - 6, "business days from order to delivery"))
    return _svg(title, *parts)


def weekly_chart(
    title: str, series: Mapping[str, Sequence[tuple[dt.date, float]]], reference: float
) -> Markup:
    """One line per service of the share delivered on time, week by week (0-100 %), with a dashed
    reference line."""
    frame = Frame()
    weeks = sorted({week for points in series.values() for week, _ in points})
    parts = []
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = frame.bottom - share * frame.height
        parts.append(_line(frame.left, y, frame.left + frame.width, y, GRID))
        parts.append(_text(frame.left - 6, y + 4, f"{share:.0%}", anchor="end"))
    y_ref = frame.bottom - reference * frame.height
    parts.append(_line(frame.left, y_ref, frame.left + frame.width, y_ref, LATE, dashed=True))
    if not weeks:
        return _svg(title, *parts)
    step = frame.width / max(len(weeks) - 1, 1)
    x_of = {week: frame.left + index * step for index, week in enumerate(weeks)}
    every = max(1, len(weeks) // 8)
    for index, week in enumerate(weeks):
        if index % every == 0:
            parts.append(_text(x_of[week], frame.bottom + 14, week.strftime("%d %b")))
    for number, (name, points) in enumerate(sorted(series.items())):
        colour = SERIES[number % len(SERIES)]
        coordinates = " ".join(
            f"{x_of[week]:.1f},{frame.bottom - share * frame.height:.1f}" for week, share in points
        )
        parts.append(element("polyline", points=coordinates, fill="none", stroke=colour, stroke_width="2.5"))
        parts.extend(
            element(
                "circle", cx=f"{x_of[w]:.1f}", cy=f"{frame.bottom - s * frame.height:.1f}", r="3", fill=colour
            )
            for w, s in points
        )
        parts.append(_rect(frame.left + 8 + number * 120, HEIGHT - 14, 10, 10, colour))
        parts.append(_text(frame.left + 22 + number * 120, HEIGHT - 5, name, anchor="start", fill=INK))
    return _svg(title, *parts)


def causes_chart(title: str, causes: Mapping[str, tuple[int, int, int]]) -> Markup:
    """A bar per service of its late parcels, split by cause: dispatch, transit, unknown."""
    rows = sorted(causes.items())
    bar_height, gap = 22, 12
    height = TOP + len(rows) * (bar_height + gap) + 34
    widest = max((sum(counts) for _, counts in rows), default=0) or 1
    left, width = 130, WIDTH - 130 - 70
    parts = []
    for index, (service, counts) in enumerate(rows):
        y = TOP + index * (bar_height + gap)
        parts.append(_text(left - 8, y + bar_height / 2 + 4, service, anchor="end", fill=INK))
        x = float(left)
        for count, colour in zip(counts, (CAUSE_DISPATCH, CAUSE_TRANSIT, CAUSE_UNKNOWN), strict=True):
            size = count / widest * width
            parts.append(_rect(x, y, size, bar_height, colour))
            x += size
        parts.append(_text(x + 6, y + bar_height / 2 + 4, f"{sum(counts):,}", anchor="start"))
    legend_y = height - 14
    for number, (label, colour) in enumerate(
        (("dispatch", CAUSE_DISPATCH), ("transit", CAUSE_TRANSIT), ("unknown", CAUSE_UNKNOWN))
    ):
        parts.append(_rect(left + number * 110, legend_y - 9, 10, 10, colour))
        parts.append(_text(left + 14 + number * 110, legend_y, label, anchor="start", fill=INK))
    return _svg(title, *parts, height=height)
