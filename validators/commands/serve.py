"""`shopterms serve POLICY`: the HTTP API (and MCP endpoint) for one policy file or a directory of them.

FastAPI, uvicorn and mcp are imported only when this command runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from shopterms.validators.commands.evidence_options import evidence_flag

if TYPE_CHECKING:
    from shopterms.server.reload import Reloader
    from shopterms.server.state import ShopRegistry

# Seconds an idle keep-alive connection stays open. It must outlast the idle time of the clients' pools:
# when both are equal (uvicorn's default and httpx's are 5 s), a client reusing a connection just as the
# server closes it loses that request ("server disconnected without sending a response").
KEEP_ALIVE_SECONDS = 75

# Host header values always accepted by the MCP endpoint besides the configured ones.
WILDCARD_BINDS = {"0.0.0.0", "::", ""}


def _hosts(host: str, public_url: str | None, extra: tuple[str, ...]) -> list[str]:
    hosts = list(extra)
    if host not in WILDCARD_BINDS:
        hosts.append(f"[{host}]" if ":" in host else host)
    if public_url:
        netloc = urlsplit(public_url).netloc
        if netloc:
            hosts.append(netloc)
    return list(dict.fromkeys(hosts))


def _store_registry(
    store: str, shop: str | None, public_url: str | None
) -> tuple[ShopRegistry, Callable[[ShopRegistry], Reloader]]:
    """The registry of a store's shops, and the watcher that takes up new publications."""
    from shopterms.server.store_source import StoreWatcher, open_store_registry
    from shopterms.store.errors import StoreError
    from shopterms.store.location import parse_store
    from shopterms.validators.commands.store_options import fail

    try:
        registry, reader = open_store_registry(parse_store(store), shop=shop, public_url=public_url)
    except StoreError as error:
        fail(error, "serve")
    return registry, lambda served: StoreWatcher(served, reader, all_shops=shop is None)


def _replica_registry(
    store: str, public_url: str | None, cache_shops: int, cache_mb: int
) -> tuple[ShopRegistry, Callable[[ShopRegistry], Reloader]]:
    """A replica over the store: nothing read at start but the schema revision and the change counter."""
    from shopterms.server.replica import ReplicaRegistry
    from shopterms.server.replica_watch import ReplicaWatcher
    from shopterms.store.errors import StoreError
    from shopterms.store.location import parse_store
    from shopterms.store.reading import StoreReader
    from shopterms.validators.commands.store_options import fail

    try:
        reader = StoreReader.open(parse_store(store))
        registry = ReplicaRegistry(
            reader, public_url=public_url, max_shops=cache_shops, max_bytes=cache_mb * 1024 * 1024
        )
        watcher = ReplicaWatcher(registry)
    except StoreError as error:
        fail(error, "serve")
    return registry, lambda served: watcher


@click.command("serve")
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--store",
    "store",
    metavar="URL",
    help="Serve the published versions in this store instead of a policy file (sqlite:///PATH, a path, "
    "or postgresql://…): every shop at /shops/{id}, or one at the root with --shop.",
)
@click.option("--shop", "shop", metavar="ID", help="With --store: serve this shop alone, at the root.")
@click.option(
    "--replica",
    is_flag=True,
    help="With --store: serve as one of several stateless replicas. Starts without reading any shop, "
    "reads each on its first request and holds the recently used ones (--cache-shops, --cache-mb); new "
    "versions arrive by PostgreSQL LISTEN/NOTIFY (SQLite: polled once a second).",
)
@click.option(
    "--cache-shops",
    default=10_000,
    show_default=True,
    type=click.IntRange(1),
    help="With --replica: the most shops held in memory; the least recently used go first.",
)
@click.option(
    "--cache-mb",
    default=1024,
    show_default=True,
    type=click.IntRange(1),
    help="With --replica: cap on the estimated memory of the shops held, in MiB (docs/history.md).",
)
@evidence_flag
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--watch",
    is_flag=True,
    help="Reload policy files when they change (file-system events; in a directory, new and deleted files).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="HOST",
    help="Host name the MCP endpoint accepts besides localhost (repeatable; e.g. terms.example).",
)
@click.option(
    "--allowed-origin",
    "allowed_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Web origin whose pages may call the MCP endpoint (repeatable; e.g. https://app.example).",
)
@click.option("--public-url", metavar="URL", help="Address clients reach the server at, when behind a proxy.")
@click.option(
    "--max-age", default=300, show_default=True, type=click.IntRange(0), help="Cache lifetime in seconds."
)
@click.option(
    "--mcp/--no-mcp", "with_mcp", default=True, show_default=True, help="Serve the MCP endpoint at /mcp."
)
@click.option(
    "--keep-alive",
    default=KEEP_ALIVE_SECONDS,
    show_default=True,
    type=click.IntRange(1),
    help="Seconds an idle connection stays open; keep it above the idle timeout of clients and proxies.",
)
@click.option(
    "--log-level",
    default="info",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve_command(
    source: Path | None,
    store: str | None,
    evidence: bool,
    shop: str | None,
    replica: bool,
    cache_shops: int,
    cache_mb: int,
    host: str,
    port: int,
    watch: bool,
    allowed_hosts: tuple[str, ...],
    allowed_origins: tuple[str, ...],
    public_url: str | None,
    max_age: int,
    with_mcp: bool,
    keep_alive: int,
    log_level: str,
) -> None:
    """Serve the terms in SOURCE over HTTP: a policy file, or a directory whose *.yaml files become
    /shops/{id}/... (id = file name without .yaml); or, with --store, the versions published there.

    Every answer takes as_of and is given from the version in force then. Send SIGHUP to re-read the
    files (or the store); an invalid file is reported and the previous terms keep serving. In a
    directory, a file with errors is reported at start and in /healthz, and its shop answers 503 while
    the others serve.
    """
    from shopterms.server.context import ServerSettings
    from shopterms.server.reload import Reloader, describe
    from shopterms.server.state import PolicyError, open_registry, policy_files

    if (source is None) == (store is None):
        raise click.UsageError("serve a policy file or directory (SOURCE), or a store (--store URL)")
    if shop is not None and store is None:
        raise click.UsageError("--shop is used with --store")
    if replica and (store is None or shop is not None):
        raise click.UsageError("--replica serves every shop of a store: give --store and no --shop")
    if source is not None and source.is_dir() and not policy_files(source):
        raise click.UsageError(f"{source} holds no *.yaml policy files")
    if public_url and not urlsplit(public_url).scheme.startswith("http"):
        raise click.BadParameter(f"'{public_url}' is not an http(s) address", param_hint="--public-url")
    reloader: Callable[[ShopRegistry], Reloader] = Reloader
    if replica:
        assert store is not None
        registry, reloader = _replica_registry(store, public_url, cache_shops, cache_mb)
        watch = True  # the replica's watcher: NOTIFY or the change counter
    elif store is not None:
        registry, reloader = _store_registry(store, shop, public_url)
        watch = True  # new publications are taken up once a second (the store's change counter)
    else:
        assert source is not None
        try:
            registry = open_registry(source, public_url)
        except PolicyError as error:
            click.echo(describe(error), err=True)
            click.echo(f"{error.result.file}: not served, the policy file has errors.", err=True)
            raise SystemExit(1) from None

    if store is not None or evidence:
        from shopterms.validators.commands.evidence_options import performance_source

        registry.performance = performance_source(store, source, "serve")
        if replica:
            from shopterms.server.replica import ReplicaRegistry

            assert isinstance(registry, ReplicaRegistry)
            registry.serve_figures(registry.performance)

    import uvicorn

    from shopterms.server.http_app import create_app

    mounts = []
    if with_mcp:
        from shopterms.server.mcp_mount import mcp_mounts

        mounts = mcp_mounts(registry, _hosts(host, public_url, allowed_hosts), allowed_origins)
    settings = ServerSettings(public_url=public_url, max_age=max_age, mcp=with_mcp)
    app = create_app(
        registry, settings=settings, mounts=mounts, watch=1.0 if watch else None, reloader=reloader(registry)
    )
    logger = logging.getLogger("shopterms")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(log_level.upper())
    logger.propagate = False  # the root logger may have a handler of its own (the mcp package adds one)
    for shop_id, problem in sorted(registry.problems.items()):
        logger.error("%s not served (503) until its policy file is fixed:\n%s", shop_id, problem.message)
    uvicorn.run(
        app, host=host, port=port, log_level=log_level, server_header=False, timeout_keep_alive=keep_alive
    )
