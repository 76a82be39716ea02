"""`shopterms score POLICY`: the agent-readiness score (0-100) with its breakdown, as text or JSON.

Exit codes: 0 scored (and at least --fail-under, when given); 1 the policy has errors, or the score is
below --fail-under; 2 the file cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from shopterms.validators.docs_links import docs_url

if TYPE_CHECKING:
    from shopterms.validators.score import Score


@click.command("score")
@click.argument("policy_file", metavar="POLICY", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--fail-under", type=click.IntRange(0, 100), help="Exit 1 when the score is below this.")
def score_command(policy_file: Path, output_format: str, fail_under: int | None) -> None:
    """Score POLICY for shopping agents: completeness of its answers and competitiveness of its terms."""
    from shopterms.policy.loader import load_policy
    from shopterms.validators.render import RENDERERS_BY_NAME
    from shopterms.validators.score import score

    result = load_policy(policy_file)
    if result.policy is None:
        click.echo(
            RENDERERS_BY_NAME["concise"](result.diagnostics, {result.file: result.source}), err=True, nl=False
        )
        raise SystemExit(1 if result.checked else 2)
    scored = score(result.policy)
    if output_format == "json":
        click.echo(json.dumps(as_json(result.policy.shop.name, scored), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(result.policy.shop.name, scored), nl=False)
    raise SystemExit(1 if fail_under is not None and scored.total < fail_under else 0)


def _points(value: float) -> str:
    return f"{value:g}"


def as_text(shop: str, scored: Score) -> str:
    lines = [f"Agent-readiness of {shop}: {scored.total}/100", ""]
    for group in ("completeness", "competitiveness"):
        earned, points = scored.group_total(group)
        lines.append(f"{group.capitalize()}: {_points(earned)}/{points}")
        for item in scored.scored:
            if item.criterion.group == group:
                share = f"{_points(item.earned)}/{item.criterion.points}"
                lines.append(f"  {share:>7}  {item.criterion.id:<17} {item.detail}")
        lines.append("")
    lines.append(f"Criteria and sources: {docs_url('score.md')}")
    return "\n".join(lines) + "\n"


def as_json(shop: str, scored: Score) -> dict[str, Any]:
    groups: dict[str, dict[str, float]] = {}
    for group in ("completeness", "competitiveness"):
        earned, points = scored.group_total(group)
        groups[group] = {"score": earned, "max": points}
    return {
        "shop": shop,
        "score": scored.total,
        "max": 100,
        "groups": groups,
        "docs": docs_url("score.md"),
        "criteria": [
            {
                "id": item.criterion.id,
                "group": item.criterion.group,
                "title": item.criterion.title,
                "score": item.earned,
                "max": item.criterion.points,
                "detail": item.detail,
                "source": item.criterion.source or None,
            }
            for item in scored.scored
        ],
    }
