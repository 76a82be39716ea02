"""How every published JSON document is written, so a built file and the served one are the same bytes."""

from __future__ import annotations

import json


def json_text(document: object) -> str:
    """Indented, UTF-8 as written (no \\u escapes), with a final newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
