"""What can go wrong in an export: a fact the target cannot state, or an export the target cannot take."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loss:
    """A fact of the policy that the target has no way to state, and what the export does instead."""

    target: str
    fact: str
    """Where the fact sits in the policy, with its value, e.g. `returns.seasonal 'Christmas'`."""
    reason: str
    """Why the target cannot state it (one sentence, in our words)."""

    def __str__(self) -> str:
        return f"{self.fact}: {self.reason}"


@dataclass
class LossLog:
    """Collects the losses of one narrowing, in the order they are found."""

    target: str
    losses: list[Loss] = field(default_factory=list)

    def add(self, fact: str, reason: str) -> None:
        loss = Loss(self.target, fact, reason)
        if loss not in self.losses:
            self.losses.append(loss)


class ExportError(Exception):
    """The target cannot take this policy at all (a required fact is missing, or the policy is ambiguous)."""


class LossyExport(ExportError):
    """The export would drop facts; raised unless the caller allows a lossy export."""

    def __init__(self, target: str, losses: tuple[Loss, ...]) -> None:
        self.target = target
        self.losses = losses
        super().__init__(f"{target} cannot state {len(losses)} fact(s) of this policy")
