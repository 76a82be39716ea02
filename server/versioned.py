"""Answers that say which version of the terms gave them: each answer model with a `version` field.

The subclasses keep their model's name, so the OpenAPI document and the MCP output schemas show
`ShippingOptions` with one more field rather than a new type.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, Field, create_model

from shopterms.policy.answers import (
    DeliveryEstimates,
    PaymentTerms,
    PolicySummary,
    ReturnTerms,
    ShippingOptions,
    SupportContacts,
)
from shopterms.policy.queries import ReturnDeadline
from shopterms.store.records import VersionInfo, VersionRef, version_ref

M = TypeVar("M", bound=BaseModel)
VERSION_DESCRIPTION = (
    "The version of the terms this answer was given from: its content hash (also the ETag), its number "
    "and when it took effect. For a delivery estimate or a return deadline, the version in force when the "
    "order was placed."
)


def _versioned(model: type[BaseModel]) -> type[BaseModel]:
    fields: dict[str, Any] = {"version": (VersionRef, Field(description=VERSION_DESCRIPTION))}
    made: type[BaseModel] = create_model(
        model.__name__, __base__=model, __module__=model.__module__, __doc__=model.__doc__, **fields
    )
    return made


VERSIONED_BY_MODEL: dict[type[BaseModel], type[BaseModel]] = {
    model: _versioned(model)
    for model in (
        PolicySummary,
        ShippingOptions,
        DeliveryEstimates,
        ReturnTerms,
        ReturnDeadline,
        PaymentTerms,
        SupportContacts,
    )
}
VersionedSummary = VERSIONED_BY_MODEL[PolicySummary]
VersionedShipping = VERSIONED_BY_MODEL[ShippingOptions]
VersionedEstimates = VERSIONED_BY_MODEL[DeliveryEstimates]
VersionedReturns = VERSIONED_BY_MODEL[ReturnTerms]
VersionedDeadline = VERSIONED_BY_MODEL[ReturnDeadline]
VersionedPayment = VERSIONED_BY_MODEL[PaymentTerms]
VersionedSupport = VERSIONED_BY_MODEL[SupportContacts]


def with_version(answer: BaseModel, version: VersionInfo) -> BaseModel:
    """The answer as its versioned model (no second validation: the answer is already valid)."""
    model = VERSIONED_BY_MODEL[type(answer)]
    values = {name: getattr(answer, name) for name in type(answer).model_fields}
    return model.model_construct(
        _fields_set=answer.model_fields_set | {"version"}, **values, version=version_ref(version)
    )
