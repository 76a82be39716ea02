"""Replacing an output directory all at once.

Files are written into a fresh directory beside the target, then swapped in by renames: the target
is renamed aside, the new directory renamed into its place, and the old one deleted. A failure
before the swap leaves the target exactly as it was and removes the half-written directory; if
the second rename fails, the old directory is renamed back. Between the two renames the target
name is missing for an instant; readers never see a mixture of old and new files.

An existing target that holds files but no policy.jsonld was not written by a build, and is
refused rather than replaced (`-o .` or `-o ~` must not wipe a directory).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath


class TargetError(Exception):
    """The output directory cannot be written; the message says why, in our words."""


def replace_directory(target: Path, files: Mapping[str, bytes], marker: str) -> None:
    """Make `target` hold exactly `files`; `marker` is the file every earlier build left there."""
    target = Path(os.path.abspath(target))
    _check_target(target, marker)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=parent))
    except OSError as error:
        raise TargetError(f"cannot create a directory in {parent}: {error.strerror or error}") from None
    try:
        os.chmod(staging, _directory_mode(target))
        for name, data in files.items():
            path = staging.joinpath(*_safe_parts(name))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        _swap(staging, target)
    except OSError as error:
        raise TargetError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_target(target: Path, marker: str) -> None:
    if target.is_symlink():
        raise TargetError(f"{target} is a symbolic link; give the directory it points to")
    if target.exists() and not target.is_dir():
        raise TargetError(f"{target} exists and is not a directory")
    if target.is_dir() and any(target.iterdir()) and not (target / marker).is_file():
        raise TargetError(
            f"{target} holds files that shopterms build did not write (no {marker}); "
            "choose a new or empty directory"
        )


def _safe_parts(name: str) -> tuple[str, ...]:
    parts = PurePosixPath(name).parts
    if not parts or PurePosixPath(name).is_absolute() or any(part in {"..", "."} for part in parts):
        raise TargetError(f"refusing to write a file outside the output directory: {name}")
    return parts


def _directory_mode(target: Path) -> int:
    """The old directory's mode, else what the umask allows (mkdtemp makes 0700, too tight for a web root)."""
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    try:
        os.rename(target, aside)  # POSIX lets a directory replace an empty one
    except OSError:
        aside.rmdir()
        raise
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
