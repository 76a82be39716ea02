"""`shopterms publish POLICY`: record the policy as the shop's next version in the store.

A directory publishes each of its policy files as its shop (see publish_dir.py).

The policy is checked as `validate` checks it and refused when it has errors (exit 1, nothing
written). Identical content is not published twice. Exit codes: 0 published, unchanged or signed;
1 the policy has errors, or another publish of the shop committed while this one ran; 2 the file or
the store cannot be used, or a wrong option.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from shopterms.validators.commands.bulk_options import chosen_jobs, jobs_option
from shopterms.validators.commands.store_options import fail, parse_moment, shown, store_option


def _waiting() -> None:
    click.echo("shopterms publish: waiting for another publish to finish (the store is locked) …", err=True)


@click.command("publish")
@click.argument("policy_file", metavar="POLICY")
@click.option(
    "--shop", "shop", metavar="ID", help="Shop id in the store. Default: the file name without .yaml."
)
@click.option(
    "--effective",
    metavar="MOMENT",
    help="When the terms take effect: 2027-01-01T00:00+01:00, or a date for midnight in the shop's time "
    "zone. Default: now. A future moment schedules the version.",
)
@click.option("--note", metavar="TEXT", help="What changed and why, kept with the version.")
@click.option("--sign", is_flag=True, help="Sign the version with the Ed25519 key (see shopterms keys init).")
@click.option(
    "--key",
    "key_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Private key file for --sign. Default: $SHOPTERMS_SIGNING_KEY, else .shopterms/signing-key.pem.",
)
@store_option
@jobs_option
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def publish_command(
    policy_file: str,
    shop: str | None,
    effective: str | None,
    note: str | None,
    sign: bool,
    key_path: Path | None,
    store: str | None,
    jobs: int | None,
    output_format: str,
) -> None:
    """Publish POLICY (- reads standard input, with --shop) as the shop's next version.

    POLICY may be a directory: each *.yaml / *.yml file in it is published as the shop its name
    gives, on --jobs processes, past broken files (listed at the end, exit 1).
    """
    from shopterms.store.errors import StoreError
    from shopterms.store.location import resolve_store
    from shopterms.validators.commands.validate import exit_status, load, summary
    from shopterms.validators.file_report import check_loaded
    from shopterms.validators.render import concise, full

    if policy_file == "-" and not shop:
        raise click.UsageError("publishing standard input needs --shop ID")
    if key_path is not None and not sign:
        raise click.UsageError("--key is used with --sign")
    if policy_file != "-" and Path(policy_file).is_dir():
        _publish_directory(
            Path(policy_file), shop, sign, key_path, effective, note, store, jobs, output_format
        )
    report = check_loaded(load(policy_file))
    sources = {report.file: report.source}
    errors = [item for item in report.diagnostics if item.severity == "error"]
    if errors or report.result.policy is None:
        click.echo(full.render(report.diagnostics, sources), err=True, nl=False)
        click.echo(f"\n{summary([report])}; nothing was published", err=True)
        raise SystemExit(exit_status([report]) or 1)
    if report.diagnostics:
        click.echo(concise.render(report.diagnostics, sources), err=True, nl=False)
    policy = report.result.policy
    moment = parse_moment(effective, policy.shop.timezone, "'--effective'") if effective else None
    beside = None if policy_file == "-" else Path(policy_file)
    try:
        from shopterms.store.engine import open_writer
        from shopterms.store.publishing import Draft, check_shop_id, publish
        from shopterms.store.signing import default_key_path, key_file_is_private, load_key

        shop_id = check_shop_id(shop or Path(policy_file).stem)
        key = None
        if sign:
            path = key_path or default_key_path()
            key = load_key(path)
            if not key_file_is_private(path):
                click.echo(
                    f"shopterms publish: warning: others may read the private key {path}; chmod 600 it",
                    err=True,
                )
        location = resolve_store(store, beside)
        engine = open_writer(location)
        draft = Draft(shop_id, policy, report.source or "", "<stdin>" if beside is None else beside.name)
        try:
            outcome = publish(engine, location, draft, effective=moment, note=note, key=key, on_wait=_waiting)
        finally:
            engine.dispose()
    except StoreError as error:
        fail(error, "publish")
    for line in outcome.notes:
        click.echo(f"shopterms publish: note: {line}", err=True)
    version = outcome.version
    if output_format == "json":
        entry = version.entry().model_dump(mode="json")
        click.echo(
            json.dumps(
                {
                    "action": outcome.action,
                    "store": location.display,
                    "version": entry,
                    "notes": list(outcome.notes),
                },
                indent=2,
            )
        )
        return
    label = f"{shop_id} version {version.number} ({version.hash[:12]}) in {location.display}"
    if outcome.action == "unchanged":
        click.echo(f"unchanged: {label} already has this content; nothing was written")
    elif outcome.action == "signed":
        click.echo(f"signed {label} with key {version.key_id}")
    else:
        when = version.effective_from
        scheduled = when is not None and when > dt.datetime.now(dt.UTC)
        state = f"scheduled for {shown(when)}" if scheduled else f"in force from {shown(when)}"
        signed = f", signed with key {version.key_id}" if version.signed else ""
        click.echo(f"published {label}, {state}{signed}")


def _publish_directory(
    directory: Path,
    shop: str | None,
    sign: bool,
    key_path: Path | None,
    effective: str | None,
    note: str | None,
    store: str | None,
    jobs: int | None,
    output_format: str,
) -> None:
    from shopterms.store.errors import StoreError
    from shopterms.store.signing import default_key_path, key_file_is_private, load_key
    from shopterms.validators.commands.publish_dir import publish_directory

    if shop is not None:
        raise click.UsageError(
            "--shop names one shop; a directory publishes each file as the shop of its name"
        )
    key_file = None
    if sign:
        key_file = key_path or default_key_path()
        try:
            load_key(key_file)  # a missing or unreadable key stops the run before any shop
        except StoreError as error:
            fail(error, "publish")
        if not key_file_is_private(key_file):
            click.echo(
                f"shopterms publish: warning: others may read the private key {key_file}; chmod 600 it",
                err=True,
            )
    publish_directory(
        directory,
        jobs=chosen_jobs(jobs),
        effective=effective,
        note=note,
        key_path=key_file,
        store=store,
        output_format=output_format,
    )
