"""`shopterms build POLICY -o DIR`: the JSON-LD, its snippet, Offer-level details and the terms page.

Exit codes: 0 built; 1 the policy has errors (printed as located diagnostics, DIR untouched);
2 the policy file cannot be read, or DIR cannot be written (DIR untouched).
"""

from __future__ import annotations

from pathlib import Path

import click

from policy.diagnostics import Diagnostic


@click.command("build")
@click.argument("policy_file", metavar="POLICY", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="Directory to write; replaced as a whole, and only when every file was made.",
)
def build_command(policy_file: Path, output: Path) -> None:
    """Compile POLICY into schema.org JSON-LD and a terms page in DIR."""
    from policy.loader import load_policy
    from validators.publish.artefacts import ArtefactError, BuildInput, render_artefacts
    from validators.publish.jsonld_files import POLICY_FILE
    from validators.publish.swap import TargetError, replace_directory

    result = load_policy(policy_file)
    if result.policy is None:
        print_diagnostics(result.diagnostics)
        raise SystemExit(1 if result.checked else 2)
    try:
        files = render_artefacts(BuildInput(result.policy, str(policy_file)))
        replace_directory(output, files, marker=POLICY_FILE)
    except (ArtefactError, TargetError) as error:
        click.echo(f"shopterms build: {error}", err=True)
        raise SystemExit(2) from None
    click.echo(f"built {output}: {', '.join(sorted(files))}")


def print_diagnostics(diagnostics: tuple[Diagnostic, ...]) -> None:
    """`file:line:col: severity[CODE] message` lines with the hint below, on stderr."""
    for item in diagnostics:
        where = item.file
        if item.location is not None:
            where += f":{item.location.line}:{item.location.column}"
        path = f" (at {item.dotted_path})" if item.path else ""
        click.echo(f"{where}: {item.severity}[{item.code}] {item.message}{path}", err=True)
        if item.hint:
            click.echo(f"  help: {item.hint}", err=True)
