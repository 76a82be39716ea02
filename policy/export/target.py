"""What every export target provides, and the export itself: narrow, check, write, validate."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from shopterms.policy.export.facts import Facts, Family
from shopterms.policy.export.loss import ExportError, Loss, LossLog, LossyExport
from shopterms.policy.export.reading import read_facts
from shopterms.policy.model import Policy


class Target(Protocol):
    name: str
    title: str
    families: frozenset[Family]
    """The families its payload states; facts of other families may ride along as context for writing."""
    formats: tuple[str, ...]
    rules: type[BaseModel]
    """The target's published field rules that every payload is validated against."""

    def narrow(self, facts: Facts, log: LossLog) -> Facts:
        """The facts the target can state (families outside its scope left out); each drop goes to `log`."""
        ...

    def write(self, facts: Facts) -> dict[str, Any]:
        """The payload, from narrowed facts alone."""
        ...

    def read(self, payload: dict[str, Any]) -> Facts:
        """The facts a payload states (the inverse of `write`)."""
        ...

    def render(self, payload: dict[str, Any], fmt: str) -> str:
        """The payload as text in one of `formats`."""
        ...

    def parse(self, text: str, fmt: str) -> dict[str, Any]:
        """Rendered text back as the payload (the inverse of `render`)."""
        ...


@dataclass(frozen=True)
class Export:
    target: str
    payload: dict[str, Any]
    losses: tuple[Loss, ...]
    narrowed: Facts


def render_json(payload: dict[str, Any]) -> str:
    """Stable JSON: keys in the order written, two-space indent, a final newline."""
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def export(policy: Policy, target: Target, allow_lossy: bool = False) -> Export:
    """The target's payload for a policy; raises LossyExport when facts would be dropped and not allowed."""
    log = LossLog(target.name)
    narrowed = target.narrow(read_facts(policy), log)
    losses = tuple(log.losses)
    if losses and not allow_lossy:
        raise LossyExport(target.name, losses)
    payload = target.write(narrowed)
    try:
        target.rules.model_validate(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ExportError(
            f"the {target.title} payload breaks the target's field rules at {where}: {first['msg']}"
        ) from None
    return Export(target=target.name, payload=payload, losses=losses, narrowed=narrowed)
