"""`shopterms mcp POLICY`: serve one shop's terms to an MCP client over stdio.

The client starts this command and talks JSON-RPC on its stdin and stdout, so nothing else may be
written to stdout; messages go to stderr. The server and the mcp package are imported only here.
With --store and --shop it serves that shop's published versions instead of a file.
"""

from __future__ import annotations

from pathlib import Path

import click

from shopterms.validators.commands.evidence_options import evidence_flag


@click.command("mcp")
@click.argument("policy_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store", metavar="URL", help="Serve a shop's published versions from this store.")
@click.option("--shop", "shop", metavar="ID", help="The shop to serve from --store.")
@evidence_flag
def mcp_command(policy_file: Path | None, store: str | None, shop: str | None, evidence: bool) -> None:
    """Serve POLICY_FILE (or, with --store and --shop, a shop's published versions) to an MCP client
    over stdio.

    Add it to a client's configuration as the command `shopterms mcp path/to/policy.yaml`.
    """
    from shopterms.server.reload import describe
    from shopterms.server.state import PolicyError, load_state
    from shopterms.server.terms import ShopTerms

    if (policy_file is None) == (store is None) or (store is not None) != (shop is not None):
        raise click.UsageError("serve a policy file (POLICY_FILE), or a store's shop (--store URL --shop ID)")
    if store is not None and shop is not None:
        from shopterms.server.store_source import open_store_registry
        from shopterms.store.errors import StoreError
        from shopterms.store.location import parse_store
        from shopterms.validators.commands.store_options import fail

        try:
            registry, _ = open_store_registry(parse_store(store), shop=shop)
        except StoreError as error:
            fail(error, "mcp")
        terms = registry.only_terms()
    else:
        assert policy_file is not None
        try:
            state = load_state(policy_file, policy_file.stem)
        except PolicyError as error:
            click.echo(describe(error), err=True)
            click.echo(f"{policy_file}: not served, the policy file has errors.", err=True)
            raise SystemExit(1) from None
        terms = ShopTerms.of_state(state)

    from shopterms.server.mcp_server import create_mcp

    performance = None
    if store is not None or evidence:
        from shopterms.validators.commands.evidence_options import performance_source

        performance = performance_source(store, policy_file, "mcp")
    try:
        create_mcp(lambda: terms, performance=performance).run("stdio")
    except KeyboardInterrupt:
        raise SystemExit(130) from None
