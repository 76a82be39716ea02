"""Generated files: write them afresh, or with --check name those that drifted and the command to run.

Every script in scripts/ that writes a file of this repository ends in this one step, so all of them
say drift alike: `<path> is out of date; run: <command>` on stderr and exit status 1.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path


def write_or_check(outputs: Mapping[Path, str], *, root: Path, command: str, check: bool) -> int:
    """Write each file's text, or with `check` write nothing and return 1 when any file differs.

    Paths are reported relative to `root` (the repository), the way the command is typed.
    """
    if check:
        stale = [path for path, text in outputs.items() if not _holds(path, text)]
        for path in stale:
            print(f"{path.relative_to(root)} is out of date; run: {command}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(root)}")
    return 0


def _holds(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text(encoding="utf-8") == text
