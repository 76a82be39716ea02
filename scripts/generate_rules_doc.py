"""Write docs/rules.md from the catalogue of diagnostic codes.

    python scripts/generate_rules_doc.py          # rewrite docs/rules.md
    python scripts/generate_rules_doc.py --check  # exit 1 when docs/rules.md is out of date

tests/validators/test_rules_doc.py fails when the file drifts from the catalogue.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shopterms.schemas.generated import write_or_check
from shopterms.validators.catalogue import load_catalogue, rules_markdown

REPO_ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = REPO_ROOT / "docs" / "rules.md"
COMMAND = "python scripts/generate_rules_doc.py"


def main(argv: list[str]) -> int:
    outputs = {RULES_DOC: rules_markdown(load_catalogue())}
    return write_or_check(outputs, root=REPO_ROOT, command=COMMAND, check="--check" in argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
