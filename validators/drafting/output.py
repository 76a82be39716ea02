"""Writing the finished file: never over an existing one without --force, never half, then checked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from shopterms.policy.drafting.compose import Composed
from shopterms.policy.drafting.draft import Draft

STDOUT = "-"


def refuse_existing(output: str, force: bool) -> None:
    """Stop before any question is asked when the file exists and may not be replaced."""
    if output != STDOUT and Path(output).exists() and not force:
        click.echo(f"error: {output} exists; init does not overwrite it without --force", err=True)
        raise SystemExit(2)


def write(output: str, text: str, force: bool) -> None:
    target = Path(output)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        if force:
            os.replace(temporary, target)
        else:
            os.link(temporary, target)  # fails if the file appeared meanwhile: nothing is replaced
            os.unlink(temporary)
    except FileExistsError:
        os.unlink(temporary)
        click.echo(f"error: {output} exists; init does not overwrite it without --force", err=True)
        raise SystemExit(2) from None
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def finish(composed: Composed, draft: Draft, output: str, force: bool) -> int:
    """Write the file, check it as validate does, and say what is left to do."""
    from shopterms.policy.loader import load_policy_text
    from shopterms.validators.file_report import check_loaded

    name = "shop.yaml" if output == STDOUT else output
    report = check_loaded(load_policy_text(composed.text, name))
    if output == STDOUT:
        click.echo(composed.text, nl=False)
    else:
        try:
            write(output, composed.text, force)
        except OSError as error:
            click.echo(f"error: cannot write {output}: {error.strerror or error}", err=True)
            return 2
    errors = [item for item in report.diagnostics if item.severity == "error"]
    warnings = [item for item in report.diagnostics if item.severity == "warning"]
    todos = [item for item in errors if item.code == "DRAFT001"]
    lines = [f"wrote {name}" if output != STDOUT else f"drafted {name}"]
    if draft.conflicts:
        lines.append(f"{len(draft.conflicts)} conflict(s) between sources are listed at the top of the file")
    if draft.notes:
        lines.append(
            f"{len(draft.notes)} thing(s) the sources state could not be taken over (listed at the top)"
        )
    if todos:
        lines.append(f"{len(todos)} TODO(s) to fill in: " + ", ".join(item.dotted_path for item in todos))
    others = len(errors) - len(todos)
    if others or warnings:
        lines.append(f"validate finds {others} more error(s) and {len(warnings)} warning(s)")
    lines.append(f"next: shopterms validate {name}")
    click.echo("\n".join(lines), err=True)
    return 1 if errors else 0
