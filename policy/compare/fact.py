"""A fact of a comparison record: known (a value and where it was read) or unknown (no value, and why)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Generic, Literal, TypeVar

from pydantic import Field, model_validator

from shopterms.policy.compare.provenance import Part, Provenance

T = TypeVar("T")


def _camel(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", text))


def _type_name(parameter: Any) -> str:
    """Fact[list[Carrier]] → FactListCarrier; Fact[Literal["at_order", "by_mail"]] → FactAtOrderOrByMail."""
    if getattr(parameter, "__origin__", None) is list:
        return "List" + _type_name(parameter.__args__[0])
    if getattr(parameter, "__origin__", None) is Literal:
        return "Or".join(_camel(str(value)) for value in parameter.__args__)
    return _camel(getattr(parameter, "__name__", str(parameter)))


class Fact(Part, Generic[T]):
    """One fact about a shop: known with a value and its sources, or unknown with the reason."""

    state: Literal["known", "unknown"] = Field(
        description="known: the source states it; unknown: it does not (never guessed or defaulted)."
    )
    value: T | None = Field(
        default=None,
        description="The value when known; null when unknown, or when known to be absent (e.g. no "
        "free-shipping threshold).",
    )
    sources: list[Provenance] = Field(
        default_factory=list, description="Where the value was read; every statement it was worked out from."
    )
    note: str | None = Field(
        default=None, description="How the value was worked out, or why it is unknown, in words."
    )

    @classmethod
    def model_parametrized_name(cls, params: tuple[Any, ...]) -> str:
        return "Fact" + "".join(_type_name(parameter) for parameter in params)

    @model_validator(mode="after")
    def _consistent(self) -> Fact[T]:
        if self.state == "unknown" and self.value is not None:
            raise ValueError("an unknown fact carries no value")
        if self.state == "known" and not self.sources:
            raise ValueError("a known fact names where it was read")
        return self

    @property
    def known(self) -> bool:
        return self.state == "known"


def known(value: T | None, sources: Iterable[Provenance], note: str | None = None) -> Fact[T]:
    return Fact[T](state="known", value=value, sources=list(sources), note=note)


def unknown(why: str, sources: Iterable[Provenance] = ()) -> Fact[Any]:
    return Fact[Any](state="unknown", sources=list(sources), note=why)
