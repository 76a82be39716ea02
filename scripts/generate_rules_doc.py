"""Write docs/rules.md from the catalogue of diagnostic codes.

    python scripts/generate_rules_doc.py          # rewrite docs/rules.md
    python scripts/generate_rules_doc.py --check  # exit 1 when docs/rules.md is out of date

tests/validators/test_rules_doc.py fails when the file drifts from the catalogue.
"""

from __future__ import annotations

import sys
from pathlib import Path

from validators.catalogue import load_catalogue, rules_markdown

RULES_DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    text = rules_markdown(load_catalogue())
    if "--check" in argv:
        current = RULES_DOC.read_text(encoding="utf-8") if RULES_DOC.exists() else ""
        if current != text:
            print(f"{RULES_DOC} is out of date; run python scripts/generate_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    RULES_DOC.write_text(text, encoding="utf-8")
    print(f"wrote {RULES_DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
