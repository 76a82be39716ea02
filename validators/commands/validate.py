"""`shopterms validate POLICY...`: check policy files and report every problem with its place in the file.

After the loader, the rule packs run on every valid file: core, and the legal packs its `shop.sells_to`
chooses (eu, de, uk, us), or those named with --rules.

Exit status: 0 when no file has an error (with --strict: no error and no warning), 1 when one has,
2 when a file could not be read or checked at all, or the command was used wrongly.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from shopterms.policy.loader import LoadResult, load_policy, load_policy_bytes
from shopterms.policy.source import MAX_BYTES
from shopterms.validators.commands.store_options import store_option
from shopterms.validators.file_report import FileReport, check_loaded
from shopterms.validators.render import RENDERERS_BY_NAME
from shopterms.validators.rules.selection import PACK_NAMES, UnknownPackError, parse_packs

FORMAT_ALIASES = {"text": "full"}
# Formats read by people get a summary line; machine formats must stay parseable.
SUMMARY_FORMATS = {"full", "concise"}
STDIN = "-"


def exit_status(results: Sequence[FileReport], strict: bool = False) -> int:
    if not all(result.checked for result in results):
        return 2
    failing_severities = {"error", "warning"} if strict else {"error"}
    failing = [
        item for result in results for item in result.diagnostics if item.severity in failing_severities
    ]
    return 1 if failing else 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(results: Sequence[FileReport]) -> str:
    """`2 errors in 1 file`, `1 error, 1 warning in 2 of 3 files`, or `3 files valid`."""
    diagnostics = [item for result in results for item in result.diagnostics]
    if not diagnostics:
        return f"{_plural(len(results), 'file')} valid" if len(results) != 1 else "1 file valid"
    counts = [
        _plural(sum(item.severity == severity for item in diagnostics), severity)
        for severity in ("error", "warning", "info")
        if any(item.severity == severity for item in diagnostics)
    ]
    affected = sum(bool(result.diagnostics) for result in results)
    files = (
        _plural(len(results), "file") if affected == len(results) else f"{affected} of {len(results)} files"
    )
    return f"{', '.join(counts)} in {files}"


def load(name: str) -> LoadResult:
    if name == STDIN:
        return load_policy_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
    return load_policy(name)


@click.command("validate")
@click.argument("policies", nargs=-1, required=True, metavar="POLICY...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice([*RENDERERS_BY_NAME, *FORMAT_ALIASES]),
    default="full",
    show_default=True,
    help="full: source line and hint; concise: one line each; json: a list for programs; github: "
    "workflow annotations; sarif: SARIF 2.1.0 for code scanning. text = full.",
)
@click.option(
    "--rules",
    "rule_packs",
    metavar="PACKS",
    help="Comma-separated rule packs to run instead of those shop.sells_to chooses: "
    f"{', '.join(PACK_NAMES)}.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option(
    "--evidence",
    is_flag=True,
    help="Also hold the terms against the shop's latest measured figures (shopterms evidence report): "
    "lead times, on-time and dispatch rates, refunds and the stated on_time_rate (EVID codes).",
)
@click.option(
    "--on-time-threshold",
    "threshold",
    type=click.FloatRange(0, 1),
    default=0.9,
    show_default=True,
    help="With --evidence: warn when fewer parcels than this share arrive or leave on time.",
)
@store_option
def validate_command(
    policies: tuple[str, ...],
    output_format: str,
    rule_packs: str | None,
    strict: bool,
    evidence: bool,
    threshold: float,
    store: str | None,
) -> None:
    """Check POLICY files (- reads standard input) and report every problem with its place in the file."""
    name = FORMAT_ALIASES.get(output_format, output_format)
    try:
        packs = parse_packs(rule_packs) if rule_packs is not None else None
    except UnknownPackError as error:
        raise click.BadParameter(str(error), param_hint="'--rules'") from None
    results = [check_loaded(load(policy), packs) for policy in policies]
    if evidence:
        from shopterms.validators.commands.evidence_options import with_evidence

        results = [with_evidence(result, store, threshold) for result in results]
    diagnostics = [item for result in results for item in result.diagnostics]
    output = RENDERERS_BY_NAME[name](diagnostics, {result.file: result.source for result in results})
    if name in SUMMARY_FORMATS:
        output += ("\n" if name == "full" and diagnostics else "") + summary(results) + "\n"
    click.echo(output, nl=False)
    raise SystemExit(exit_status(results, strict))
