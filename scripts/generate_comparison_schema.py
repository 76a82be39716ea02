"""Write the JSON Schema of the comparison record into schemas/comparison-record.schema.json.

    python scripts/generate_comparison_schema.py          # rewrite the file
    python scripts/generate_comparison_schema.py --check  # exit 1 if the committed file is out of date

The record is defined by the pydantic models in policy/compare/record.py; this file publishes their shape
for agents and other tools. Rules across fields (an unknown fact has no value, a known one names its
sources) are checked by the models and stated in the descriptions here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from shopterms.policy.compare.record import RECORD_VERSION, ComparisonRecord
from shopterms.schemas.generated import write_or_check

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET = REPO_ROOT / "schemas" / "comparison-record.schema.json"
COMMAND = "python scripts/generate_comparison_schema.py"


def _camel(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", text))


class _Names(GenerateJsonSchema):
    """Definition names without the brackets of generic models: Fact[list[Carrier]] → FactListCarrier."""

    def normalize_name(self, name: str) -> str:
        match = re.match(r"^(?:[\w.]+\.)?Fact\[(.*)\]$", name)
        if not match:
            return super().normalize_name(name)
        inner = match.group(1)
        if inner.startswith("Literal["):
            # Fact[Literal['at_order', 'at_shipment']] → FactAtOrderOrAtShipment
            return "Fact" + "Or".join(_camel(value) for value in re.findall(r"'([^']*)'", inner))
        return "Fact" + _camel(inner.replace("shopterms.policy.compare.record.", ""))


def build() -> dict[str, Any]:
    generated = ComparisonRecord.model_json_schema(mode="serialization", schema_generator=_Names)
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://shopterms.org/schemas/comparison-record.v{RECORD_VERSION}.schema.json",
        "$comment": f"Generated from policy.compare.record by `{COMMAND}`; do not edit by hand.",
    }
    defs = generated.pop("$defs", {})
    return {**head, **generated, "$defs": dict(sorted(defs.items()))}


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check({TARGET: render()}, root=REPO_ROOT, command=COMMAND, check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
