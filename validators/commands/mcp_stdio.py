"""`shopterms mcp POLICY`: serve one shop's terms to an MCP client over stdio.

The client starts this command and talks JSON-RPC on its stdin and stdout, so nothing else may be
written to stdout; messages go to stderr. The server and the mcp package are imported only here.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("mcp")
@click.argument("policy_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def mcp_command(policy_file: Path) -> None:
    """Serve POLICY_FILE to an MCP client over stdio.

    Add it to a client's configuration as the command `shopterms mcp path/to/policy.yaml`.
    """
    from shopterms.server.reload import describe
    from shopterms.server.state import PolicyError, load_state

    try:
        state = load_state(policy_file, policy_file.stem)
    except PolicyError as error:
        click.echo(describe(error), err=True)
        click.echo(f"{policy_file}: not served, the policy file has errors.", err=True)
        raise SystemExit(1) from None

    from shopterms.server.mcp_server import create_mcp

    try:
        create_mcp(lambda: state).run("stdio")
    except KeyboardInterrupt:
        raise SystemExit(130) from None
