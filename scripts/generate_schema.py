"""Write the JSON Schemas of the policy file into schemas/.

    python scripts/generate_schema.py          # rewrite both files
    python scripts/generate_schema.py --check  # exit 1 if a committed file is out of date

policy.schema.json describes what a merchant may write, shorthand included; editors that use
yaml-language-server read it for completion, hover help and inline errors. policy.canonical.schema.json
describes the normalised form: `shopterms normalize` output and the HTTP API's /policy body.
Both come from the pydantic model, so the model stays the one source of truth.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Literal

from shopterms.policy.model import Policy
from shopterms.schemas.generated import write_or_check

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMAS_DIR = REPO_ROOT / "schemas"
COMMAND = "python scripts/generate_schema.py"
BASE_URL = "https://shopterms.org/schemas/"

DOCUMENTS: dict[str, tuple[Literal["validation", "serialization"], str, str]] = {
    "policy.schema.json": (
        "validation",
        "shopterms policy file",
        "A shop's post-purchase terms (shipping, returns, payment, support, legal) as written in a "
        "shopterms policy file. Shorthand such as 1-2, Mon-Fri, 4,95 or '30 days after delivery' is "
        "accepted wherever the structured form is.",
    ),
    "policy.canonical.schema.json": (
        "serialization",
        "shopterms policy, normalised",
        "A shopterms policy in its normalised form: every shorthand expanded and every default written "
        "out, as printed by `shopterms normalize` and served at /policy by the HTTP API.",
    ),
}
# Top-level keys in reading order; everything below keeps pydantic's sorted order.
LEADING_KEYS = (
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "type",
    "additionalProperties",
    "required",
)


def _close_pattern_properties(node: Any) -> None:
    """Maps keyed by a pattern (by_country, prices per country) admit no other keys.

    pydantic lists the allowed keys under patternProperties but leaves additionalProperties open, which
    would let `by_country: {Germany: ...}` pass the editor while the loader rejects it.
    """
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_pattern_properties(value)
    elif isinstance(node, list):
        for item in node:
            _close_pattern_properties(item)


def build(name: str) -> dict[str, Any]:
    mode, title, description = DOCUMENTS[name]
    generated = Policy.model_json_schema(mode=mode)
    _close_pattern_properties(generated)
    generated.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_URL + name,
            "$comment": f"Generated from the policy model by `{COMMAND}`; do not edit by hand.",
            "title": title,
            "description": description,
        }
    )
    ordered = {key: generated.pop(key) for key in LEADING_KEYS if key in generated}
    defs = generated.pop("$defs")
    return {**ordered, **generated, "$defs": defs}


def render(name: str) -> str:
    return json.dumps(build(name), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    outputs = {SCHEMAS_DIR / name: render(name) for name in DOCUMENTS}
    return write_or_check(outputs, root=REPO_ROOT, command=COMMAND, check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
