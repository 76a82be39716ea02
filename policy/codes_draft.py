"""Catalogue entries for drafts written by `shopterms init` (DRAFT###).

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.diagnostics import CodeInfo

DRAFT_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="DRAFT001",
        name="todo-left",
        severity="error",
        summary="A required fact that `shopterms init` found in none of its sources is still a TODO line.",
        why="A draft marks each fact it could not find with a `# TODO` line in place of the key; until the "
        "merchant writes the value there, the terms are incomplete and nothing can be published from them.",
        example="shop:\n  name: Kleinkram\n  # TODO shop.timezone: IANA time zone of the warehouse",
        instead="shop:\n  name: Kleinkram\n  timezone: Europe/Berlin",
    ),
)
