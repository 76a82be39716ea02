"""What the server serves: every shop's terms over time, swapped by reference on reload.

Each shop is a `ShopTerms` (its versions and their states); the registry maps shop ids to them and is
replaced as a whole, so a request sees either the old terms or the new ones, never a mixture. Terms
read from files are one undated version per shop; terms read from a store are every published
version (server.store_source). The MCP server reads the same objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol

from shopterms.policy.documents.served import canonical_json
from shopterms.policy.loader import PolicyError
from shopterms.server.performance_source import PerformanceSource
from shopterms.server.terms import Clock, ShopTerms
from shopterms.server.version_state import (
    HTML,
    JSON,
    JSONLD,
    Fingerprint,
    ShopState,
    load_state,
)
from shopterms.store.listing import ShopListing
from shopterms.store.moments import utc_now
from shopterms.store.records import VersionInfo
from shopterms.store.timeline import BeforeFirstVersionError

POLICY_SUFFIXES = (".yaml", ".yml")


class Signatures(Protocol):
    """Where signatures and public keys come from (the store); files have neither."""

    def signature(self, version: VersionInfo) -> str | None: ...

    def public_keys(self, kids: list[str] | None) -> list[dict[str, Any]]: ...


class ShopRegistry:
    """Every shop served, by id; the mapping is replaced as a whole, never edited in place.

    Serving a file: one shop, reached at the root. Serving a directory: every *.yaml in it, each at
    /shops/{id} where the id is the file stem. Serving a store: its shops, the same way.
    """

    def __init__(
        self,
        source: Path | None,
        states: Mapping[str, ShopState] | None = None,
        *,
        directory: bool,
        public_url: str | None,
        shops: Mapping[str, ShopTerms] | None = None,
        signatures: Signatures | None = None,
        clock: Clock = utc_now,
    ):
        self.source = source
        self.directory = directory
        self.public_url = public_url
        self.clock = clock
        self.signatures = signatures
        # Where measured figures come from (a store's figures runs); None: the shop publishes none.
        self.performance: PerformanceSource | None = None
        self._shops: Mapping[str, ShopTerms] = MappingProxyType({})
        if shops is not None:
            self.replace_shops(shops)
        if states is not None:
            self.replace(states)
        # Each shop whose policy file failed to load, until a load of it succeeds; replaced as a whole.
        self.problems: Mapping[str, LoadProblem] = MappingProxyType({})

    @property
    def shops(self) -> Mapping[str, ShopTerms]:
        return self._shops

    @property
    def errors(self) -> Mapping[str, str]:
        """Why the last load of each shop's file failed, in located lines (file:line:col: error[CODE] …)."""
        return {shop_id: problem.message for shop_id, problem in self.problems.items()}

    def unavailable(self) -> dict[str, LoadProblem]:
        """The shops not served because their files have errors and no valid version was ever loaded."""
        return {shop_id: problem for shop_id, problem in self.problems.items() if shop_id not in self._shops}

    @property
    def states(self) -> Mapping[str, ShopState]:
        """The state in force now of every shop that has one."""
        found = {}
        for shop_id, terms in self._shops.items():
            try:
                found[shop_id] = terms.current()
            except BeforeFirstVersionError:
                continue  # its first version is still scheduled
        return found

    # A replica (server.replica) holds only the shops asked about lately and reads the others from the
    # store when asked; the server then lists shops from the store and never enumerates them.
    lazy = False

    def terms(self, shop_id: str) -> ShopTerms | None:
        return self._shops.get(shop_id)

    def held(self, shop_id: str) -> ShopTerms | None:
        """The terms of a shop if they are in memory; never reads (the fast path asks this)."""
        return self._shops.get(shop_id)

    async def find(self, shop_id: str) -> ShopTerms | None:
        """The terms of a shop for a request (a replica reads a shop it does not hold off the event loop)."""
        return self.terms(shop_id)

    def shop_choices(self) -> list[str]:
        """The ids an unknown shop id is compared with, for a "did you mean" (none for a replica)."""
        return sorted(self._shops)

    def server_keys(self) -> list[dict[str, Any]]:
        """Every public key that signs a version of a shop served (the JWK Set at a server's root)."""
        kids = sorted(
            {v.key_id for terms in self.shops.values() for v in terms.timeline.versions if v.key_id}
        )
        return self.signatures.public_keys(kids) if self.signatures is not None and kids else []

    def listing(self, after: str | None, limit: int) -> ShopListing:
        """The shops served, a page at a time by id: those after `after`, at most `limit`."""
        states = sorted(self.states.items())
        page = [
            (shop_id, state.policy.shop.name) for shop_id, state in states if after is None or shop_id > after
        ]
        more = len(page) > limit
        page = page[:limit]
        return ShopListing(page, page[-1][0] if more else None)

    def get(self, shop_id: str) -> ShopState | None:
        return self.states.get(shop_id)

    def current(self, shop_id: str | None = None) -> ShopState:
        """The state in force: the only shop, or the named one."""
        return self.only_terms(shop_id).current()

    def only_terms(self, shop_id: str | None = None) -> ShopTerms:
        """The terms of the only shop, or of the named one."""
        if shop_id is None:
            if len(self._shops) != 1:
                raise LookupError("several shops are served; name one")
            return next(iter(self._shops.values()))
        return self._shops[shop_id]

    def replace(self, states: Mapping[str, ShopState]) -> None:
        """Put the states read from files in force (a reload); shops not named keep their terms."""
        self.replace_shops(
            {shop_id: ShopTerms.of_state(state, self.clock) for shop_id, state in states.items()}
        )

    def replace_shops(self, shops: Mapping[str, ShopTerms]) -> None:
        # One reference assignment: readers holding the old mapping keep a consistent view.
        self._shops = MappingProxyType(dict(shops))

    def now(self) -> dt.datetime:
        return self.clock()


@dataclass(frozen=True)
class LoadProblem:
    """A policy file that could not be loaded: where it is, why (every error, located), and which version
    of it failed (so the same bad version is not read and reported again)."""

    path: Path
    message: str
    fingerprint: Fingerprint | None


def is_policy_file(path: Path) -> bool:
    """*.yaml and *.yml, but not hidden files (editors' lock and swap files: .#shop.yaml)."""
    return path.suffix in POLICY_SUFFIXES and not path.name.startswith(".")


def policy_files(directory: Path) -> list[Path]:
    """The policy files of a directory served as many shops, sorted."""
    return sorted(path for path in directory.iterdir() if is_policy_file(path) and path.is_file())


def describe(error: PolicyError) -> str:
    """Every error diagnostic of a failed load, one located line each."""
    lines = [d.headline for d in error.result.diagnostics if d.severity == "error"]
    return "\n".join(lines) or str(error)


def try_load(path: Path, shop_id: str, public_url: str | None) -> ShopState | LoadProblem:
    """The state read from a policy file, or why it cannot be served; never raises for a bad file."""
    fingerprint = Fingerprint.of(path)
    try:
        return load_state(path, shop_id, public_url)
    except PolicyError as error:
        return LoadProblem(path, describe(error), fingerprint)
    except OSError as error:
        return LoadProblem(path, f"{path}: cannot be read ({error.strerror or error})", fingerprint)


def open_registry(source: Path, public_url: str | None = None) -> ShopRegistry:
    """Load a policy file (raises PolicyError when it is invalid), or every one of a directory.

    A directory serves whatever files are valid: each invalid one is kept in `problems`, with its
    located errors, and its shop answers 503 until a reload reads a valid version."""
    if source.is_dir():
        states: dict[str, ShopState] = {}
        problems: dict[str, LoadProblem] = {}
        for path in policy_files(source):
            found = try_load(path, path.stem, shop_url(public_url, path.stem))
            if isinstance(found, LoadProblem):
                problems[path.stem] = found
            else:
                states[path.stem] = found
        registry = ShopRegistry(source, states, directory=True, public_url=public_url)
        registry.problems = MappingProxyType(problems)
        return registry
    state = load_state(source, source.stem, public_url)
    return ShopRegistry(source, {source.stem: state}, directory=False, public_url=public_url)


def shop_url(public_url: str | None, shop_id: str) -> str | None:
    return None if public_url is None else f"{public_url.rstrip('/')}/shops/{shop_id}"


__all__ = [
    "HTML",
    "JSON",
    "JSONLD",
    "Fingerprint",
    "LoadProblem",
    "PolicyError",
    "ShopRegistry",
    "ShopState",
    "ShopTerms",
    "canonical_json",
    "load_state",
    "open_registry",
]
