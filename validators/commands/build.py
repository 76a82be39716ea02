"""`shopterms build POLICY -o DIR`: the JSON-LD, its snippet, Offer-level details and the terms page.

A directory of policy files builds each shop into DIR/<shop>/ (see build_dir.py).

Exit codes: 0 built; 1 the policy has errors (printed as located diagnostics, DIR untouched);
2 the policy file cannot be read, or DIR cannot be written (DIR untouched).
"""

from __future__ import annotations

from pathlib import Path

import click

from shopterms.validators.commands.bulk_options import chosen_jobs, jobs_option
from shopterms.validators.commands.evidence_options import evidence_flag
from shopterms.validators.commands.store_options import store_option


@click.command("build")
@click.argument("policy_file", metavar="POLICY", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="Directory to write; replaced as a whole, and only when every file was made.",
)
@evidence_flag
@store_option
@jobs_option
def build_command(
    policy_file: Path, output: Path, evidence: bool, store: str | None, jobs: int | None
) -> None:
    """Compile POLICY into schema.org JSON-LD and a terms page in DIR.

    POLICY may be a directory: each *.yaml / *.yml file in it is built into DIR/<shop>/ on --jobs
    processes, past broken files (listed at the end, exit 1).
    """
    if policy_file.is_dir():
        from shopterms.validators.commands.build_dir import build_directory

        build_directory(policy_file, output, jobs=chosen_jobs(jobs), evidence=evidence, store=store)
    from shopterms.policy.documents.artefacts import ArtefactError, BuildInput, render_artefacts
    from shopterms.policy.documents.jsonld_files import POLICY_FILE
    from shopterms.validators.commands.policy_input import load_or_exit
    from shopterms.validators.publish.swap import TargetError, replace_directory

    policy = load_or_exit(str(policy_file), f"{output} was left as it was")
    figures = None
    if evidence:
        from shopterms.validators.commands.evidence_options import latest_figures

        figures = latest_figures(store, policy_file, policy_file.stem, "build")
        if figures is None:
            click.echo(f"shopterms build: note: {policy_file.stem} has no measured figures yet", err=True)
    try:
        files = render_artefacts(BuildInput(policy, str(policy_file), figures))
        replace_directory(output, files, marker=POLICY_FILE)
    except (ArtefactError, TargetError) as error:
        click.echo(f"shopterms build: {error}", err=True)
        raise SystemExit(2) from None
    click.echo(f"built {output}: {', '.join(sorted(files))}")
