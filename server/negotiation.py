"""Choosing a representation from the Accept header: canonical JSON or JSON-LD for /policy."""

from __future__ import annotations


def _weights(accept: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for item in accept.split(","):
        media_type, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_type:
            weights[media_type.lower()] = max(quality, weights.get(media_type.lower(), 0.0))
    return weights


def prefers_jsonld(accept: str | None) -> bool:
    """True when the client asks for application/ld+json at least as much as application/json.

    JSON-LD clients commonly send "application/ld+json, application/json", so a tie with plain JSON goes
    to JSON-LD; a tie with a wildcard goes to the canonical JSON.
    """
    if not accept:
        return False
    weights = _weights(accept)
    linked = weights.get("application/ld+json", 0.0)
    wildcard = max(weights.get("application/*", 0.0), weights.get("*/*", 0.0))
    return linked > 0 and linked >= weights.get("application/json", 0.0) and linked > wildcard
