"""The JSON-LD artefacts: the organisation graph, its paste-in snippet, and the Offer-level details."""

from __future__ import annotations

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.markup import Markup
from shopterms.policy.jsonld import dumps

POLICY_FILE = "policy.jsonld"
SNIPPET_FILE = "jsonld-snippet.html"
OFFER_FILE = "offer-shipping-details.jsonld"


def jsonld_files(build: BuildInput) -> dict[str, bytes]:
    return {
        POLICY_FILE: dumps(build.document).encode("utf-8"),
        SNIPPET_FILE: (jsonld_script(build.document) + "\n").encode("utf-8"),
        OFFER_FILE: dumps(build.offer_document).encode("utf-8"),
    }


def jsonld_script(document: object) -> Markup:
    """The JSON-LD in a script element; <, > and & are written as JSON escapes so no text can end it."""
    return script_of(dumps(document))


def script_of(text: str) -> Markup:
    """JSON-LD text already written by `dumps` in a script element (see jsonld_script)."""
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">\n{safe}</script>')
