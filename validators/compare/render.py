"""A comparison as an aligned text table, Markdown, a standalone HTML page, or JSON.

The text table wraps long cells inside fixed column widths, so it stays readable in a terminal without
any table library.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Callable

from shopterms.policy.compare.ranking import Comparison
from shopterms.validators.compare.cells import full_labels, heading, ranking_line, rows

LABEL_WIDTH = 18
COLUMN_WIDTH = 30
GAP = "  "


def _wrapped(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=False) or [""]


def table(comparison: Comparison) -> str:
    table_rows = rows(comparison)
    widths = [
        min(COLUMN_WIDTH, max(len(row[1][index]) for row in table_rows))
        for index in range(len(comparison.records))
    ]
    lines = [heading(comparison), ""]
    for number, (label, cells) in enumerate(table_rows):
        wrapped = [_wrapped(cell, width) for cell, width in zip(cells, widths, strict=True)]
        for line in range(max(len(cell) for cell in wrapped)):
            parts = [label.ljust(LABEL_WIDTH) if line == 0 else " " * LABEL_WIDTH]
            parts += [
                (cell[line] if line < len(cell) else "").ljust(width)
                for cell, width in zip(wrapped, widths, strict=True)
            ]
            lines.append(GAP.join(parts).rstrip())
        if number == 0:
            lines.append(GAP.join(["-" * LABEL_WIDTH, *("-" * width for width in widths)]))
    lines += ["", "Ranking:"]
    lines += [ranking_line(entry) for entry in comparison.ranking]
    return "\n".join(lines) + "\n"


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|") or " "


def markdown(comparison: Comparison) -> str:
    table_rows = rows(comparison)
    header, body = table_rows[0], table_rows[1:]
    lines = [f"**{_markdown_cell(heading(comparison))}**", ""]
    lines.append("| | " + " | ".join(_markdown_cell(cell) for cell in header[1]) + " |")
    lines.append("|---|" + "---|" * len(header[1]))
    labels = full_labels([label for label, _cells in body])
    lines += [
        f"| {_markdown_cell(label)} | " + " | ".join(_markdown_cell(cell) for cell in cells) + " |"
        for label, (_label, cells) in zip(labels, body, strict=True)
    ]
    lines += ["", "Ranking:", ""]
    lines += [
        f"{entry.rank}. **{_markdown_cell(entry.shop)}** ({_markdown_cell(entry.source)}): "
        + _markdown_cell(entry.reason)
        for entry in comparison.ranking
    ]
    return "\n".join(lines) + "\n"


def page(comparison: Comparison) -> str:
    table_rows = rows(comparison)
    header, body = table_rows[0], table_rows[1:]
    title = html.escape(heading(comparison))
    head_cells = "".join(f'<th scope="col">{html.escape(cell)}</th>' for cell in header[1])
    labels = full_labels([label for label, _cells in body])
    body_rows = "\n".join(
        f'<tr><th scope="row">{html.escape(label)}</th>'
        + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
        + "</tr>"
        for label, (_label, cells) in zip(labels, body, strict=True)
    )
    items = "\n".join(
        f'<li value="{entry.rank}"><strong>{html.escape(entry.shop)}</strong> '
        f"({html.escape(entry.source)}): {html.escape(entry.reason)}</li>"
        for entry in comparison.ranking
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        "<style>table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .5em;"
        "text-align:left;vertical-align:top}</style>\n</head>\n<body>\n"
        f"<table>\n<caption>{title}</caption>\n<thead><tr><td></td>{head_cells}</tr></thead>\n"
        f"<tbody>\n{body_rows}\n</tbody>\n</table>\n"
        f"<h2>Ranking</h2>\n<ol>\n{items}\n</ol>\n</body>\n</html>\n"
    )


def as_json(comparison: Comparison) -> str:
    return comparison.model_dump_json(indent=2) + "\n"


RENDERERS_BY_FORMAT: dict[str, Callable[[Comparison], str]] = {
    "table": table,
    "markdown": markdown,
    "html": page,
    "json": as_json,
}
