"""What the policy model expects at a YAML path: the allowed keys, choices and description there.

Pydantic reports error locations with its own labels mixed in (union members such as `literal['none']`,
validator chains). Walking the model classes along the location separates the real path from those
labels and finds the field behind an error, so messages can name allowed keys and describe the value.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.model import Policy

KEY_MARK = "[key]"  # pydantic's label for an error in a mapping's key rather than its value


@dataclass(frozen=True)
class Expectation:
    """The model's view of one error location."""

    path: YamlPath  # the location without pydantic's labels
    annotation: Any  # the type expected there (None when the path leaves the model)
    field_description: str | None  # what the field means ("Currency of every amount in this file.")
    type_description: str | None  # how its value is written ("ISO 4217 currency code, e.g. EUR.")
    model: type[BaseModel] | None  # the model that holds the last key of `path`
    is_key: bool = False  # the error is about a mapping key, not its value
    labelled: bool = False  # labels were removed: the error is one of several alternatives


def expectation_at(loc: tuple[int | str, ...], *, unknown_last_key: bool = False) -> Expectation:
    """Follow `loc` through the model from Policy. With `unknown_last_key`, the last part is a key the
    model does not know (an extra_forbidden error) and is kept in the path."""
    current: Any = Policy
    path: list[str | int] = []
    field_description: str | None = None
    holder: type[BaseModel] | None = None
    dict_key: Any = None
    is_key = labelled = False
    for index, part in enumerate(loc):
        if part == KEY_MARK and dict_key is not None:
            current, is_key = dict_key, True
            continue
        annotation, _ = unwrap(current)
        origin = get_origin(annotation)
        if _is_model(annotation):
            if isinstance(part, str) and part in annotation.model_fields:
                holder, field = annotation, annotation.model_fields[part]
                current = _type_hints(annotation).get(part, field.annotation)
                field_description = field.description
                path.append(part)
            elif unknown_last_key and index == len(loc) - 1:
                holder, current = annotation, None
                path.append(part)
            else:
                labelled = True
            continue
        if origin in (list, tuple, set, frozenset) and isinstance(part, int):
            current = get_args(annotation)[0] if get_args(annotation) else Any
            path.append(part)
            continue
        if origin is dict:
            key_type, value_type = get_args(annotation) or (Any, Any)
            dict_key, current = key_type, value_type
            path.append(part)
            continue
        if _is_union(annotation):
            member = next((m for m in _members(annotation) if _is_model(m) and m.__name__ == part), None)
            current = member if member is not None else current
        labelled = True
    annotation, type_description = unwrap(current)
    return Expectation(
        tuple(path), annotation, field_description, type_description, holder, is_key=is_key, labelled=labelled
    )


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def required_keys(model: type[BaseModel]) -> list[str]:
    return [name for name, field in model.model_fields.items() if field.is_required()]


def choices(annotation: Any) -> list[str]:
    """The values a Literal (or a union of Literals) allows, in declaration order."""
    annotation, _ = unwrap(annotation)
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    if _is_union(annotation):
        return [value for member in _members(annotation) for value in choices(member)]
    return []


def alternatives(annotation: Any) -> str | None:
    """The accepted forms of a union, each by its description: `Accepted forms: ...; or 'none'.`"""
    annotation, _ = unwrap(annotation)
    if not _is_union(annotation):
        return None
    forms: list[str] = []
    for member in get_args(annotation):
        bare, description = unwrap(member)
        if get_origin(bare) is Literal:
            forms.extend(f"'{value}'" for value in get_args(bare))
        elif description:
            forms.append(description.rstrip("."))
    if len(forms) < 2:
        return None
    return f"Accepted forms: {'; '.join(forms[:-1])}; or {forms[-1]}."


@cache
def _type_hints(model: type[BaseModel]) -> dict[str, Any]:
    # The declared annotations keep the Annotated descriptions of value types (CountryCode, Days) that
    # pydantic folds into the field's own description.
    try:
        return get_type_hints(model, include_extras=True)
    except Exception:  # an unresolvable hint only costs us a description
        return {}


def unwrap(annotation: Any) -> tuple[Any, str | None]:
    """Strip Annotated and Optional; return the bare type and the description found in the metadata."""
    description = None
    while True:
        if get_origin(annotation) is Annotated:
            base, *metadata = get_args(annotation)
            for item in metadata:
                if isinstance(item, FieldInfo) and item.description:
                    description = item.description
            annotation = base
            continue
        if _is_union(annotation):
            members = [m for m in _members(annotation) if m is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation, description


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def _members(annotation: Any) -> tuple[Any, ...]:
    return tuple(unwrap(member)[0] for member in get_args(annotation))


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
