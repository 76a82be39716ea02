"""Write the field rules of each export target as a JSON Schema into schemas/exports/.

    python scripts/generate_export_schemas.py          # rewrite the files
    python scripts/generate_export_schemas.py --check  # exit 1 if a committed file is out of date

The rules live as pydantic models next to each target (policy/export/*_rules.py), where every export
is validated against them; these files publish them for other tools. Rules across fields (exactly one
of, ordered bounds, no overlaps) are checked by the models and only named in their descriptions here.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

from shopterms.policy.export.registry import EXPORTERS_BY_NAME
from shopterms.schemas.generated import write_or_check

REPO_ROOT = Path(__file__).resolve().parent.parent
EXPORTS_DIR = REPO_ROOT / "schemas" / "exports"
COMMAND = "python scripts/generate_export_schemas.py"
BASE_URL = "https://shopterms.org/schemas/exports/"


def _source(target_name: str) -> str:
    """The paragraph of the rules module that names where the rules come from."""
    module = inspect.getmodule(EXPORTERS_BY_NAME[target_name].rules)
    paragraphs = (inspect.getdoc(module) or "").split("\n\n")
    found = next((p for p in paragraphs if p.startswith("Source:")), "")
    return " ".join(found.split())


def build(target_name: str) -> dict[str, Any]:
    target = EXPORTERS_BY_NAME[target_name]
    generated = target.rules.model_json_schema()
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_URL}{target_name}.schema.json",
        "$comment": f"Generated from {target.rules.__module__} by `{COMMAND}`; do not edit by hand. "
        + _source(target_name),
        "title": f"shopterms export --to {target_name} ({target.title})",
    }
    defs = generated.pop("$defs", {})
    generated.pop("title", None)
    return {**head, **generated, **({"$defs": defs} if defs else {})}


def render(target_name: str) -> str:
    return json.dumps(build(target_name), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    outputs = {EXPORTS_DIR / f"{name}.schema.json": render(name) for name in sorted(EXPORTERS_BY_NAME)}
    return write_or_check(outputs, root=REPO_ROOT, command=COMMAND, check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
