"""The documents a server answers with for one version of the terms, each rendered once.

The server renders them when it reads a policy file; `shopterms publish` renders them into the store,
so a server reading the store answers without parsing YAML or rendering pages. One definition serves
both, so a document looks the same whichever way it reached the server.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.jsonld_files import script_of
from shopterms.policy.documents.llms_text import llms_text
from shopterms.policy.documents.site import Site
from shopterms.policy.documents.terms_page.page import terms_page_files
from shopterms.policy.jsonld import dumps
from shopterms.policy.jsonld.version import stamp_version
from shopterms.policy.model import Policy

JSON = "application/json"
JSONLD = "application/ld+json"
HTML = "text/html; charset=utf-8"
MARKDOWN = "text/markdown; charset=utf-8"

POLICY_JSON = "policy.json"
POLICY_JSONLD = "policy.jsonld"
SUMMARY = "summary.md"


@dataclass(frozen=True)
class Rendered:
    """One document: its text and media type."""

    text: str
    media_type: str


@dataclass(frozen=True)
class PublishedAs:
    """What the JSON-LD says about the published version it was rendered from."""

    version: str
    """Content hash of the version."""
    effective_from: dt.datetime | None
    """When the version took (or takes) effect; None when the terms are served from a file."""


def canonical_json(policy: Policy) -> str:
    """The policy in its canonical form: every shorthand expanded, every default written out (the JSON
    of model_dump, in field order, two-space indent, characters kept)."""
    return policy.model_dump_json(indent=2) + "\n"


def summary_markdown(policy: Policy, public_url: str | None) -> Rendered:
    return Rendered(llms_text(policy, Site(public_url or "", api=True)), MARKDOWN)


def served_documents(
    policy: Policy, source_file: str, *, public_url: str | None = None, published: PublishedAs | None = None
) -> dict[str, Rendered]:
    """policy.json, policy.jsonld, summary.md, index.html and index.<lang>.html for each further language.

    A published version's JSON-LD names the version (`published`); terms read from a file do not, so
    they stay the bytes `shopterms build` writes.
    """
    build = BuildInput(policy, source_file)
    document = build.document
    if published is not None:
        document = stamp_version(document, policy, published.version, published.effective_from)
    jsonld = dumps(document)  # written once: the document, and the script each page embeds
    pages = terms_page_files(build, script_of(jsonld))
    return {
        POLICY_JSON: Rendered(canonical_json(policy), JSON),
        POLICY_JSONLD: Rendered(jsonld, JSONLD),
        SUMMARY: summary_markdown(policy, public_url),
        **{name: Rendered(data.decode("utf-8"), HTML) for name, data in pages.items()},
    }
