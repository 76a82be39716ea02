"""`applies_to` targets for UCP policies that hold for some goods only (RFC 9535 JSONPath).

UCP resolves a policy against the response it is embedded in (`$.products[N]` in a catalog,
`$.line_items[N]` in a cart, checkout or order); a policy without `applies_to` holds for the whole
response. A group of goods the policy file names in words ("personalised products") becomes a Set
match on the catalog products that carry the group's words as a tag:

    $.products[?@.tags[?@ == 'personalised products']]

so a business tags those products once and embeds the policy unchanged. Line items carry no tags; in
a cart, checkout or order the business names the matching lines (`$.line_items[2]`) instead, which
the narrowest-target rule of UCP lets override the response-wide policy.
"""

from __future__ import annotations

import re

_PREFIX = "$.products[?@.tags[?@ == '"
_SUFFIX = "']]"
# RFC 9535 section 2.3.1.1: in a single-quoted string, ' and \ are escaped, control characters as \uXXXX.
_ESCAPES = {"'": "\\'", "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")


def catalog_target(items: str) -> str:
    """The Set match on catalog products tagged with `items`."""
    quoted = "".join(
        _ESCAPES.get(char, char if ord(char) >= 0x20 else f"\\u{ord(char):04x}") for char in items
    )
    return f"{_PREFIX}{quoted}{_SUFFIX}"


def items_of(target: str) -> str | None:
    """The group of goods a `catalog_target` names, or None for any other expression."""
    if not (target.startswith(_PREFIX) and target.endswith(_SUFFIX)):
        return None
    quoted = target[len(_PREFIX) : -len(_SUFFIX)]
    reverse = {escaped[1]: char for char, escaped in _ESCAPES.items()}

    def plain(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if len(code) == 5 and code[0] == "u" else reverse.get(code, code)

    return _UNESCAPE.sub(plain, quoted)


def policy_items(policy: dict[str, object]) -> str | None:
    """The goods an item-scoped final-sale policy names: from its target, else from its description."""
    targets = policy.get("applies_to")
    for target in targets if isinstance(targets, list) else []:
        if isinstance(target, str) and (items := items_of(target)) is not None:
            return items
    description = policy.get("description")
    text = description.get("plain") if isinstance(description, dict) else None
    if isinstance(text, str) and text.endswith(" cannot be returned."):
        words = text.removesuffix(" cannot be returned.")
        return words[:1].lower() + words[1:]
    return None
