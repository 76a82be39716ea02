"""`shopterms export --to google|ucp|openai-feed POLICY`: the policy in a format platforms already read.

Exit codes: 0 written; 1 the policy has errors, or the target cannot state some of its facts (listed;
--allow-lossy writes anyway and lists them as warnings), or cannot take it at all; 2 bad usage.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from shopterms.policy.export.registry import EXPORTERS_BY_NAME
from shopterms.policy.model import Policy

FORMAT_BY_SUFFIX = {".json": "json", ".tsv": "tsv", ".csv": "csv"}


def _load(path: Path) -> Policy:
    from shopterms.validators.commands.policy_input import load_or_exit

    return load_or_exit(str(path), "nothing was exported")


def _file_mode(path: Path) -> int:
    """The replaced file's mode, else what the umask allows for a new file (mkstemp makes 0600)."""
    if path.is_file():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same directory, so readers never see half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _format(chosen: str | None, output: Path | None, formats: tuple[str, ...], target: str) -> str:
    fmt = chosen or (FORMAT_BY_SUFFIX.get(output.suffix.lower(), "json") if output else "json")
    if fmt not in formats:
        raise click.BadParameter(
            f"{target} is written as {' or '.join(formats)}, not {fmt}", param_hint="'--format'"
        )
    return fmt


@click.command("export")
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--to",
    "target_name",
    required=True,
    type=click.Choice(sorted(EXPORTERS_BY_NAME)),
    help="The format to write: Merchant API bodies, UCP pieces or OpenAI feed columns.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file (atomically) instead of standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "tsv", "csv"]),
    help="json (every target), tsv or csv (openai-feed). Default: from the -o suffix, else json.",
)
@click.option(
    "--allow-lossy",
    is_flag=True,
    help="Export even when the target cannot state some facts; each is listed as a warning.",
)
def export_command(
    policy_file: Path, target_name: str, output: Path | None, fmt: str | None, allow_lossy: bool
) -> None:
    """Write the policy's terms in a format a shopping platform or agent reads."""
    from shopterms.policy.export import ExportError, LossyExport, export

    target = EXPORTERS_BY_NAME[target_name]
    chosen = _format(fmt, output, target.formats, target_name)
    if output is not None and not output.parent.is_dir():
        raise click.BadParameter(f"the directory {output.parent} does not exist", param_hint="'-o'")
    policy = _load(policy_file)
    try:
        result = export(policy, target, allow_lossy=allow_lossy)
    except LossyExport as lossy:
        click.echo(
            f"{policy_file}: {target_name} cannot state {len(lossy.losses)} fact(s) of this policy:", err=True
        )
        for loss in lossy.losses:
            click.echo(f"  - {loss}", err=True)
        click.echo("Nothing was written. Re-run with --allow-lossy to export without these facts.", err=True)
        raise SystemExit(1) from None
    except ExportError as error:
        click.echo(f"{policy_file}: cannot export to {target_name}: {error}", err=True)
        raise SystemExit(1) from None
    for loss in result.losses:
        click.echo(f"{policy_file}: warning: {target_name} leaves out {loss}", err=True)
    text = target.render(result.payload, chosen)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            _write_atomically(output, text)
        except OSError as error:
            click.echo(f"{output}: cannot write the export: {error.strerror or error}", err=True)
            raise SystemExit(1) from None
