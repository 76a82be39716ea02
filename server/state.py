"""What the server serves: one immutable state per shop, swapped by reference on reload.

A `ShopState` holds a valid policy and every document rendered from it. It never changes after it is
built; a reload builds a new one and replaces the reference in the `ShopRegistry` in one assignment,
so a request sees either the old terms or the new ones, never a mixture. The MCP server reads the
same state through `ShopRegistry.current`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from shopterms.policy.documents.llms_text import llms_text
from shopterms.policy.documents.site import Site
from shopterms.policy.loader import PolicyError, read_policy
from shopterms.policy.model import Policy
from shopterms.server.caching import Document, DocumentMemo
from shopterms.server.renderers import render_jsonld, render_terms_pages

JSON = "application/json"
JSONLD = "application/ld+json"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Fingerprint:
    """What tells whether a file changed since it was read: its size and a digest of its bytes.

    Modification times alone miss a quick same-size edit (file-system clocks tick in milliseconds), and
    policy files are small, so hashing them once a second costs nothing.
    """

    size: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> Fingerprint | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return cls(len(data), hashlib.blake2b(data, digest_size=16).hexdigest())


@dataclass(frozen=True)
class ShopState:
    """One shop's valid terms and the documents rendered from them at load."""

    shop_id: str
    path: Path
    policy: Policy
    fingerprint: Fingerprint | None
    loaded_at: dt.datetime
    documents: Mapping[str, Document]
    # Answers and site-specific documents, rendered on first request; part of this state only.
    memo: DocumentMemo = field(default_factory=DocumentMemo, compare=False, repr=False)

    # The three texts below make a ShopState what the MCP server publishes as resources.
    @property
    def jsonld(self) -> str:
        return self.documents["policy.jsonld"].text

    @property
    def policy_json(self) -> str:
        return self.documents["policy.json"].text

    @property
    def summary_markdown(self) -> str:
        return self.documents["summary.md"].text


def canonical_json(policy: Policy) -> str:
    """The policy in its canonical form: every shorthand expanded, every default written out."""
    return json.dumps(policy.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def load_state(path: Path, shop_id: str, public_url: str | None = None) -> ShopState:
    """Read and render one policy file; raises PolicyError (with located diagnostics) when it is invalid."""
    fingerprint = Fingerprint.of(path)
    policy = read_policy(path)
    summary_site = Site(public_url or "", api=True)
    documents = {
        "policy.json": Document.of(canonical_json(policy), JSON),
        "policy.jsonld": Document.of(render_jsonld(policy), JSONLD),
        "summary.md": Document.of(llms_text(policy, summary_site), "text/markdown; charset=utf-8"),
        # index.html, and index.<lang>.html for each further language of the shop
        **{name: Document.of(page, HTML) for name, page in render_terms_pages(policy, str(path)).items()},
    }
    return ShopState(shop_id, path, policy, fingerprint, dt.datetime.now(dt.UTC), MappingProxyType(documents))


class ShopRegistry:
    """Every shop served, by id; the mapping is replaced as a whole, never edited in place.

    Serving a file: one shop, reached at the root. Serving a directory: every *.yaml in it, each at
    /shops/{id} where the id is the file stem.
    """

    def __init__(
        self, source: Path, states: Mapping[str, ShopState], *, directory: bool, public_url: str | None
    ):
        self.source = source
        self.directory = directory
        self.public_url = public_url
        self._states: Mapping[str, ShopState] = MappingProxyType(dict(states))
        # The last failed reload of each shop, in words, until a reload of it succeeds.
        self.errors: Mapping[str, str] = MappingProxyType({})

    @property
    def states(self) -> Mapping[str, ShopState]:
        return self._states

    def get(self, shop_id: str) -> ShopState | None:
        return self._states.get(shop_id)

    def current(self, shop_id: str | None = None) -> ShopState:
        """The state in force: the only shop, or the named one."""
        if shop_id is None:
            if len(self._states) != 1:
                raise LookupError("several shops are served; name one")
            return next(iter(self._states.values()))
        return self._states[shop_id]

    def replace(self, states: Mapping[str, ShopState]) -> None:
        # One reference assignment: readers holding the old mapping keep a consistent view.
        self._states = MappingProxyType(dict(states))


def policy_files(directory: Path) -> list[Path]:
    """The policy files of a directory served as many shops: *.yaml and *.yml, sorted."""
    return sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")])


def open_registry(source: Path, public_url: str | None = None) -> ShopRegistry:
    """Load a policy file, or every one of a directory; raises PolicyError for the first invalid one."""
    if source.is_dir():
        states = {}
        for path in policy_files(source):
            states[path.stem] = load_state(path, path.stem, _shop_url(public_url, path.stem))
        return ShopRegistry(source, states, directory=True, public_url=public_url)
    state = load_state(source, source.stem, public_url)
    return ShopRegistry(source, {source.stem: state}, directory=False, public_url=public_url)


def _shop_url(public_url: str | None, shop_id: str) -> str | None:
    return None if public_url is None else f"{public_url.rstrip('/')}/shops/{shop_id}"


__all__ = ["Fingerprint", "PolicyError", "ShopRegistry", "ShopState", "load_state", "open_registry"]
