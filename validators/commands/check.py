"""`shopterms check URL|FILE [--policy POLICY]`: the post-purchase structured data of a live page (or a
saved one) checked against schema.org and Google's rules, and against the policy when one is given.

Exit status: 0 no errors (with --strict: no warnings either); 1 findings; 2 the page or the policy could
not be read, or the command was used wrongly.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from shopterms.validators.commands.fetch_options import fetch_options
from shopterms.validators.render import RENDERERS_BY_NAME

if TYPE_CHECKING:
    from shopterms.policy.diagnostics import Diagnostic
    from shopterms.validators.fetch.limits import Limits


@click.command("check")
@click.argument("target", metavar="URL|FILE")
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Policy file whose facts the page must state.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice([*RENDERERS_BY_NAME, "text"]),
    default="full",
    show_default=True,
    help="As for validate. text = full.",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@fetch_options
def check_command(
    target: str, policy_file: Path | None, output_format: str, strict: bool, limits: Limits
) -> None:
    """Check the structured data of a page (https://…, a saved HTML file or file:///…) and compare it
    with POLICY.

    Loopback and private-network addresses are refused unless --allow-private is given."""
    import shopterms.validators.codes_jsonld  # registers the LD codes
    import shopterms.validators.codes_page  # noqa: F401 - registers the PAGE codes
    from shopterms.policy.codes import diagnostic
    from shopterms.policy.loader import load_policy
    from shopterms.validators.fetch import FetchError, fetch_page, is_url, read_page_file, redact
    from shopterms.validators.page.inspection import inspect_page

    name = "full" if output_format == "text" else output_format
    render = RENDERERS_BY_NAME[name]
    policy = None
    if policy_file is not None:
        policy = load_policy(policy_file)
        if policy.policy is None:
            click.echo(render(policy.diagnostics, {policy.file: policy.source}), nl=False)
            raise SystemExit(1 if policy.checked else 2)
    try:
        page = fetch_page(target, limits) if is_url(target) else read_page_file(Path(target), limits)
    except FetchError as error:
        shown = redact(target)
        problem = diagnostic("PAGE001", f"cannot read the page: {error}", shown, hint=_hint(error.kind))
        click.echo(render([problem], {shown: None}) + _summary(name, [problem]), nl=False)
        raise SystemExit(2) from None
    found, _ = inspect_page(page, policy, limits)
    sources = {page.name: page.text, **({policy.file: policy.source} if policy else {})}
    click.echo(render(found, sources) + _summary(name, found), nl=False)
    failing = {"error", "warning"} if strict else {"error"}
    raise SystemExit(1 if any(item.severity in failing for item in found) else 0)


def _hint(kind: str) -> str:
    return {
        "dns": "check the host name; is the shop's domain spelled right?",
        "timeout": "the server is slow or unreachable; try again or raise --timeout (the total time)",
        "forbidden": "check a public address; for your own staging server add --allow-private",
        "encoding": "serve the page uncompressed or with gzip",
        "protocol": "the server's answer is not valid HTTP; check the server",
        "tls": "the server's certificate must be valid for the host; check it in a browser",
        "status": "check that the address opens in a browser",
        "redirects": "the address redirects in a loop or too often; use the final address",
        "size": "check a smaller page, such as the terms or a product page, or raise the limit with --limit",
        "content-type": "give the address of an HTML page",
        "file": "give the path of a saved HTML file",
    }.get(kind, "check the address")


def _summary(name: str, found: list[Diagnostic]) -> str:
    """`2 errors, 1 warning` after the findings of the formats people read; nothing for the others."""
    if name not in {"full", "concise"}:
        return ""
    totals = {level: sum(item.severity == level for item in found) for level in ("error", "warning", "info")}
    counts = [f"{count} {level}{'' if count == 1 else 's'}" for level, count in totals.items() if count]
    return ("\n" if name == "full" and found else "") + (", ".join(counts) or "no findings") + "\n"
