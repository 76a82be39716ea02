"""Pieces every answer shares: the base model, and the error for a section the shop does not publish."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from shopterms.policy.errors import QueryError


class Answer(BaseModel):
    """Base of every answer: immutable, and strict about its own fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class NotPublishedError(QueryError):
    """The shop's file has no such section, so there is nothing to answer with."""

    def __init__(self, section: str) -> None:
        super().__init__(section, f"this shop publishes no {section} terms")


def money(value: Decimal | None) -> float | None:
    """Amounts travel as JSON numbers (agents compare them); the policy keeps them exact."""
    return None if value is None else float(value)
