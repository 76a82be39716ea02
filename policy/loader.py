"""Reading a policy file into the model, with a located diagnostic for everything wrong with it.

bytes ─ source (size limit, UTF-8) → text ─ document (YAML 1.2 events) → data + positions
      ─ Policy.model_validate → policy, or pydantic errors ─ translate → diagnostics

Loading never raises for any input: every problem becomes a Diagnostic in the LoadResult.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from shopterms.policy.codes import NOT_CHECKED_CODES, diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location, YamlPath
from shopterms.policy.document import read_document
from shopterms.policy.locate import PositionMap
from shopterms.policy.model import Policy
from shopterms.policy.source import MAX_BYTES, decode, read_bytes, too_large
from shopterms.policy.todos import mark_todos
from shopterms.policy.translate import translate


@dataclass(frozen=True)
class LoadResult:
    """What reading one file produced: the policy when it is valid, and every diagnostic found."""

    file: str
    source: str | None
    policy: Policy | None
    diagnostics: tuple[Diagnostic, ...]
    positions: PositionMap = field(default_factory=PositionMap, repr=False, compare=False)

    def locate(self, path: YamlPath) -> Location | None:
        """Where the value at `path` is written (None when the file does not write it)."""
        return self.positions.value(tuple(path))

    def locate_key(self, path: YamlPath) -> Location | None:
        """Where the key of `path` is written (None for list items and unwritten paths)."""
        return self.positions.key(tuple(path))

    @property
    def checked(self) -> bool:
        """False when the file could not be read or checked at all (the CLI exits 2, not 1)."""
        return not any(item.code in NOT_CHECKED_CODES for item in self.diagnostics)


class PolicyError(Exception):
    """A policy file could not be loaded; carries the diagnostics that say why."""

    def __init__(self, result: LoadResult) -> None:
        self.result = result
        first = result.diagnostics[0] if result.diagnostics else None
        super().__init__(f"{result.file}: {first.message}" if first else result.file)


def load_policy_text(text: str, file: str = "<string>") -> LoadResult:
    """Load a policy from text; `file` names it in diagnostics."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", errors="surrogatepass")) > MAX_BYTES:
        return LoadResult(file, None, None, (too_large(file),))
    document = read_document(text, file)
    if document.diagnostics or document.data is None:
        return LoadResult(file, text, None, tuple(document.diagnostics), document.positions)
    try:
        policy = Policy.model_validate(document.data)
    except ValidationError as error:
        found = translate(error, file=file, source=text, data=document.data, positions=document.positions)
        found = mark_todos(found, text, file)
        return LoadResult(file, text, None, tuple(found), document.positions)
    except Exception as error:  # a fault in a model validator must still not become a traceback
        failure = diagnostic(
            "SCHEMA010",
            "shopterms failed while checking this file; this is a fault in shopterms, not in the file",
            file,
            hint="please report it together with the file",
            detail=f"{type(error).__name__}: {error}",
        )
        return LoadResult(file, text, None, (failure,), document.positions)
    return LoadResult(file, text, policy, (), document.positions)


def load_policy_bytes(data: bytes, file: str = "<bytes>") -> LoadResult:
    """Load a policy from raw bytes, which must be UTF-8 (a byte-order mark is allowed)."""
    if len(data) > MAX_BYTES:
        return LoadResult(file, None, None, (too_large(file),))
    source = decode(data, file)
    if source.problem is not None:
        return LoadResult(file, source.text, None, (source.problem,))
    assert source.text is not None
    return load_policy_text(source.text, file)


def load_policy(path: str | Path) -> LoadResult:
    """Load a policy file; a missing or unreadable file gives a YAML015 diagnostic, not an exception."""
    file = str(path)
    data, problem = read_bytes(Path(path), file)
    if problem is not None or data is None:
        return LoadResult(file, None, None, (problem,) if problem else ())
    return load_policy_bytes(data, file)


def read_policy(path: str | Path) -> Policy:
    """Load a file that must be valid; raise PolicyError with the diagnostics otherwise."""
    result = load_policy(path)
    if result.policy is None:
        raise PolicyError(result)
    return result.policy
