"""Reading a policy file into the model.

Minimal first version: the public interface (`load_policy`, `load_policy_text`, `LoadResult`) is final;
located diagnostics for every error follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from policy.diagnostics import Diagnostic, Location, YamlPath
from policy.model import Policy


@dataclass(frozen=True)
class LoadResult:
    """What reading one file produced: the policy when it is valid, and every diagnostic found."""

    file: str
    source: str | None
    policy: Policy | None
    diagnostics: tuple[Diagnostic, ...]

    def locate(self, path: YamlPath) -> Location | None:
        return None


class PolicyError(Exception):
    """A policy file could not be loaded; carries the diagnostics that say why."""

    def __init__(self, result: LoadResult) -> None:
        self.result = result
        first = result.diagnostics[0] if result.diagnostics else None
        super().__init__(f"{result.file}: {first.message}" if first else result.file)


def load_policy_text(text: str, file: str = "<string>") -> LoadResult:
    try:
        data = YAML(typ="safe").load(text)
        return LoadResult(file, text, Policy.model_validate(data), ())
    except (YAMLError, ValidationError) as error:
        diagnostic = Diagnostic(code="SCHEMA000", severity="error", message=str(error), file=file)
        return LoadResult(file, text, None, (diagnostic,))


def load_policy(path: str | Path) -> LoadResult:
    return load_policy_text(Path(path).read_text(encoding="utf-8"), str(path))


def read_policy(path: str | Path) -> Policy:
    """Load a file that must be valid; raise PolicyError with the diagnostics otherwise."""
    result = load_policy(path)
    if result.policy is None:
        raise PolicyError(result)
    return result.policy
