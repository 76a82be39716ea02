"""One version of a shop's terms as the server holds it: the policy and every document rendered from it.

A `ShopState` never changes after it is built. Its documents carry ETags that name the version (its
content hash), so a client revalidating with If-None-Match learns whether the terms changed, not
merely whether some bytes did. Terms read from a file form a version too: undated, in force at any
moment, named by the same content hash a publish would give them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from shopterms.policy.documents.served import (
    JSON,
    JSONLD,
    MARKDOWN,
    POLICY_JSON,
    SUMMARY,
    served_documents,
    summary_markdown,
)
from shopterms.policy.loader import read_policy
from shopterms.policy.model import Policy
from shopterms.server.answer_memo import AnswerMemo
from shopterms.server.caching import Document, DocumentMemo
from shopterms.server.live_answers import LiveMemo
from shopterms.store.content import policy_hash
from shopterms.store.records import VersionInfo

HTML = "text/html; charset=utf-8"
__all__ = ["HTML", "JSON", "JSONLD", "MARKDOWN", "Fingerprint", "ShopState", "load_state", "version_etag"]


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


def version_etag(version: VersionInfo, name: str = POLICY_JSON) -> str:
    """The ETag of a document of a version: the content hash for the policy and the answers, the hash and
    the document's name for its other representations (JSON-LD, pages), which differ in bytes."""
    return f'"{version.hash}"' if name == POLICY_JSON else f'"{version.hash}-{name}"'


@dataclass(frozen=True)
class ShopState:
    """One version of a shop's terms and the documents rendered from it."""

    shop_id: str
    path: Path | None
    policy: Policy
    fingerprint: Fingerprint | None
    loaded_at: dt.datetime
    documents: Mapping[str, Document]
    version: VersionInfo
    # Answers and site-specific documents, rendered on first request; part of this state only.
    memo: DocumentMemo = field(default_factory=DocumentMemo, compare=False, repr=False)
    # The MCP tools' answers (models, not documents), likewise.
    answers: AnswerMemo = field(default_factory=AnswerMemo, compare=False, repr=False)
    # Answers about "now", each kept until the instant it can change (server.live_answers).
    live: LiveMemo = field(default_factory=LiveMemo, compare=False, repr=False)

    # The three texts below make a ShopState what the MCP server publishes as resources.
    @property
    def jsonld(self) -> str:
        return self.documents["policy.jsonld"].text

    @property
    def policy_json(self) -> str:
        return self.documents[POLICY_JSON].text

    @property
    def summary_markdown(self) -> str:
        return self.documents[SUMMARY].text


def state_of(
    shop_id: str,
    policy: Policy,
    version: VersionInfo,
    rendered: Mapping[str, tuple[str, bytes]],
    *,
    path: Path | None = None,
    fingerprint: Fingerprint | None = None,
    public_url: str | None = None,
) -> ShopState:
    """A state from rendered documents (name → media type and bytes), each tagged with the version."""
    documents = {
        name: Document.of(body, media, version_etag(version, name))
        for name, (media, body) in rendered.items()
    }
    if public_url is not None:
        # The summary names the API's addresses; a published one was rendered without knowing them.
        summary = summary_markdown(policy, public_url)
        documents[SUMMARY] = Document.of(summary.text, summary.media_type, version_etag(version, SUMMARY))
    return ShopState(
        shop_id, path, policy, fingerprint, dt.datetime.now(dt.UTC), MappingProxyType(documents), version
    )


def file_version(shop_id: str, policy: Policy, path: Path | None) -> VersionInfo:
    """Terms read from a file: one undated version, named by the hash a publish would give it."""
    return VersionInfo(
        shop_id, None, policy_hash(policy), None, None, source_name=None if path is None else path.name
    )


def load_state(path: Path, shop_id: str, public_url: str | None = None) -> ShopState:
    """Read and render one policy file; raises PolicyError (with located diagnostics) when it is invalid."""
    fingerprint = Fingerprint.of(path)
    policy = read_policy(path)
    rendered = {
        name: (document.media_type, document.text.encode("utf-8"))
        for name, document in served_documents(policy, str(path), public_url=public_url).items()
    }
    return state_of(
        shop_id, policy, file_version(shop_id, policy, path), rendered, path=path, fingerprint=fingerprint
    )
