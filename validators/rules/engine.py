"""Running rule packs over a loaded policy: findings become located diagnostics, in file order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic
from shopterms.policy.loader import LoadResult
from shopterms.policy.locate import source_lines
from shopterms.validators.rules.registry import RULES_BY_PACK
from shopterms.validators.rules.rule import Rule, RuleInput


def rules_of(packs: Iterable[str]) -> list[Rule]:
    """The rules of the named packs, each once, in pack order."""
    chosen: dict[str, Rule] = {}
    for pack in packs:
        for rule in RULES_BY_PACK[pack]:
            chosen.setdefault(rule.code, rule)
    return list(chosen.values())


def run_rules(result: LoadResult, packs: Sequence[str]) -> list[Diagnostic]:
    """Diagnostics of every rule of `packs` for a loaded, valid policy (none when it is not valid)."""
    if result.policy is None:
        return []
    given = RuleInput(result.policy, result)
    found: list[Diagnostic] = []
    for rule in rules_of(packs):
        try:
            findings = list(rule.check(given))
        except Exception as error:  # a fault in one rule must not hide the others, nor become a traceback
            found.append(
                diagnostic(
                    "SCHEMA010",
                    f"shopterms failed while running rule {rule.code}; "
                    "this is a fault in shopterms, not in the file",
                    result.file,
                    hint="please report it together with the file",
                    detail=f"{type(error).__name__}: {error}",
                )
            )
            continue
        for finding in findings:
            path, location = given.locate(finding.path)
            found.append(
                diagnostic(
                    rule.code,
                    finding.message,
                    result.file,
                    path=path,
                    location=finding.location or location,
                    hint=finding.hint,
                    detail=finding.detail,
                )
            )
    return sorted(_unsuppressed(found, result.source or ""), key=_file_order)


# `# shopterms: ignore[EU011]` on the line a finding points at acknowledges that finding after review.
_IGNORE = re.compile(r"#.*\bshopterms:\s*ignore\[([A-Z0-9,\s]+)\]")


def _unsuppressed(found: list[Diagnostic], source: str) -> list[Diagnostic]:
    lines = source_lines(source)
    kept = []
    for item in found:
        line = lines[item.location.line - 1] if item.location and 0 < item.location.line <= len(lines) else ""
        match = _IGNORE.search(line)
        ignored = {code.strip() for code in match.group(1).split(",")} if match else set()
        if item.code not in ignored:
            kept.append(item)
    return kept


def _file_order(item: Diagnostic) -> tuple[int, int, str]:
    where = item.location
    return (where.line, where.column, item.code) if where else (0, 0, item.code)
