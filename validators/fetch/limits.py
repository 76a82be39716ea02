"""How far a fetch may go: one typed set of limits with documented defaults, overridable per command.

Every page that shopterms reads over the network is read under these limits, whoever wrote its address,
so that a slow, huge, looping or hostile server ends the command quickly with one clear message.
docs/reliability.md lists them; a test keeps that list in step with this model.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

MB = 1024 * 1024
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class Limits(BaseModel):
    """The bounds of one fetch (every redirect hop included) and of the page content read from it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    total_seconds: Annotated[float, Field(gt=0, le=600)] = Field(
        20.0,
        description="Total time for the whole fetch: name lookup, connect, TLS, headers, body and every "
        "redirect hop together (`--timeout`).",
    )
    max_wire_bytes: Annotated[int, Field(gt=0)] = Field(
        5 * MB, description="Bytes of response body read from the network, before decompression."
    )
    max_decoded_bytes: Annotated[int, Field(gt=0)] = Field(
        5 * MB,
        description="Bytes of page after decompression; counted while decompressing, so a "
        "compression bomb stops at this size.",
    )
    max_redirects: Annotated[int, Field(ge=0, le=50)] = Field(5, description="Redirects followed.")
    max_codings: Annotated[int, Field(ge=0, le=5)] = Field(
        2, description="Content codings (gzip, deflate) stacked on one response that are undone."
    )
    max_jsonld_blocks: Annotated[int, Field(gt=0)] = Field(
        100,
        description='Structured-data blocks read from one page: `<script type="application/ld+json">` '
        "scripts, and microdata or RDFa items.",
    )
    max_jsonld_bytes: Annotated[int, Field(gt=0)] = Field(
        2 * MB, description="Characters of JSON-LD read from one page, all blocks together."
    )
    max_html_elements: Annotated[int, Field(gt=0)] = Field(
        50_000,
        description="HTML elements of a page searched for microdata and RDFa (JSON-LD scripts are read "
        "on any page); reading RDFa costs time for every element.",
    )
    max_json_depth: Annotated[int, Field(gt=0, le=500)] = Field(
        64, description="Nesting of arrays and objects in one JSON document (a JSON-LD block or a policy)."
    )
    allow_private: bool = Field(
        False,
        description="Fetch from loopback and private-network addresses too (`--allow-private`), for a "
        "shop's own staging server.",
    )
    allowed_networks: tuple[Network, ...] = Field(
        (),
        description="Private networks fetched from although `allow_private` is off "
        "(`--allow-network 10.1.2.0/24`).",
    )


DEFAULT_LIMITS = Limits()
# Names accepted by `--limit NAME=VALUE`: the numeric limits. The address switches have their own options.
TUNABLE = tuple(name for name, field in Limits.model_fields.items() if field.annotation in (int, float))

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$", re.IGNORECASE)
_FACTOR = {"b": 1, "kb": 1024, "kib": 1024, "mb": MB, "mib": MB, "gb": 1024 * MB, "gib": 1024 * MB}


def parse_limit_value(name: str, value: str) -> float | int:
    """A `--limit` value: seconds for total_seconds, a count, or a size with an optional unit (5MB)."""
    if name == "total_seconds":
        return float(value)
    match = _SIZE.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a number" + (" or a size such as 5MB" if "bytes" in name else ""))
    number, unit = match.groups()
    if unit and "bytes" not in name:
        raise ValueError(f"{name} is a count; give it without a unit")
    return int(float(number) * _FACTOR[(unit or "b").lower()])


def describe_size(size: int) -> str:
    """5 MB, 512 KB or 300 bytes: how messages and docs name a byte limit."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if size >= factor and size % (factor // 1024 or 1) == 0:
            value = size / factor
            return f"{value:g} {unit}"
    return f"{size} bytes"
