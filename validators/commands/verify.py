"""`shopterms verify URL|FILE`: whether served (or saved) terms are what the shop signed.

Exit codes: 0 verified; 1 not signed, or the signature does not verify (the reason is printed);
2 the address or file could not be read, or is not terms at all.
"""

from __future__ import annotations

import click

from shopterms.validators.commands.fetch_options import fetch_options
from shopterms.validators.fetch import Limits


@click.command("verify")
@click.argument("target", metavar="URL|FILE")
@click.option(
    "--signature",
    metavar="URL|FILE",
    help="The version's JWS. Default: the Link rel=\"signature\" of the answer, or the version document's.",
)
@click.option(
    "--jwks",
    metavar="URL|FILE",
    help="The shop's public keys (JWK Set). Default: /.well-known/jwks.json beside the signature.",
)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@fetch_options
def verify_command(
    target: str, signature: str | None, jwks: str | None, output_format: str, limits: Limits
) -> None:
    """Check that the terms at URL (a served /policy or /versions/{hash}) or in FILE (a saved copy) are
    what the shop signed: the content hashes to its version and the signature verifies with the shop's key.

    Loopback and private-network addresses are refused unless --allow-private is given."""
    from shopterms.validators.signed_terms import VerifyInputError, verify

    try:
        report = verify(target, limits, signature=signature, jwks=jwks)
    except VerifyInputError as error:
        click.echo(f"shopterms verify: {error}", err=True)
        raise SystemExit(2) from None
    if output_format == "json":
        click.echo(report.model_dump_json(indent=2))
    else:
        version = f" version {report.version}" if report.version else ""
        click.echo(f"{report.outcome}:{version}: {report.reason}")
    raise SystemExit(0 if report.outcome == "verified" else 1)
