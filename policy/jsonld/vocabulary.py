"""The two vocabularies the compiler writes: schema.org, and shopterms for what schema.org cannot say.

Enumeration members are written as full https://schema.org/ addresses, the form Google's own
examples use and every reader accepts. Our own terms are compact `shopterms:` names; the prefix is
declared in the document's context next to schema.org's.
"""

from __future__ import annotations

from typing import Any

SCHEMA_NS = "https://schema.org/"
SHOPTERMS_NS = "https://shopterms.org/ns#"
SHOPTERMS_PREFIX = "shopterms"

# A list context: schema.org's published context first, then our prefix. Both Google and JSON-LD
# processors read it; processors that must stay offline map the schema.org address to a local copy.
CONTEXT: list[Any] = ["https://schema.org", {SHOPTERMS_PREFIX: SHOPTERMS_NS}]

JsonObject = dict[str, Any]


def member(name: str) -> str:
    """A schema.org enumeration member (or class) as a full address, e.g. FreeReturn."""
    return SCHEMA_NS + name


def ours(name: str) -> str:
    """A term of the shopterms vocabulary, as a compact name."""
    return f"{SHOPTERMS_PREFIX}:{name}"
