"""Type-check the sources under the names they are installed as (`shopterms.policy`, …).

mypy cannot follow the import hook of an editable install, and the source folders are not named
`shopterms/…`, so this script lays out a temporary tree of links `shopterms/<folder> -> <folder>` and
checks the packages there (strict on the core, as pyproject.toml configures).

    python scripts/typecheck.py                      # the core, shopterms.policy
    python scripts/typecheck.py policy server        # any of the source folders
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_FOLDERS = ("policy", "server", "store", "validators", "schemas")


def main(folders: list[str]) -> int:
    unknown = sorted(set(folders) - set(SOURCE_FOLDERS))
    if unknown:
        choices = ", ".join(SOURCE_FOLDERS)
        print(f"not a source folder: {', '.join(unknown)} (choose from {choices})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="shopterms-typecheck-") as tree:
        package = Path(tree) / "shopterms"
        package.mkdir()
        for folder in SOURCE_FOLDERS:
            (package / folder).symlink_to(REPO_ROOT / folder, target_is_directory=True)
        command = [sys.executable, "-m", "mypy", "--config-file", str(REPO_ROOT / "pyproject.toml")]
        for folder in folders or ["policy"]:
            command += ["-p", f"shopterms.{folder}"]
        return subprocess.run(command, cwd=tree, env={"MYPYPATH": tree, "PATH": ""}, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
