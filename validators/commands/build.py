"""`shopterms build POLICY -o DIR`: the JSON-LD, its snippet, Offer-level details and the terms page.

Exit codes: 0 built; 1 the policy has errors (printed as located diagnostics, DIR untouched);
2 the policy file cannot be read, or DIR cannot be written (DIR untouched).
"""

from __future__ import annotations

from pathlib import Path

import click


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
    from shopterms.policy.documents.artefacts import ArtefactError, BuildInput, render_artefacts
    from shopterms.policy.documents.jsonld_files import POLICY_FILE
    from shopterms.validators.commands.policy_input import load_or_exit
    from shopterms.validators.publish.swap import TargetError, replace_directory

    policy = load_or_exit(str(policy_file), f"{output} was left as it was")
    try:
        files = render_artefacts(BuildInput(policy, str(policy_file)))
        replace_directory(output, files, marker=POLICY_FILE)
    except (ArtefactError, TargetError) as error:
        click.echo(f"shopterms build: {error}", err=True)
        raise SystemExit(2) from None
    click.echo(f"built {output}: {', '.join(sorted(files))}")
