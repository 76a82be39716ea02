"""The required facts a draft still lacks, found by walking the draft along the policy model.

Every section the draft has must carry its model's required keys; a missing one becomes a TODO with
the field's own description. A missing section (`payment`, `support` …) is optional as a whole and is
left out, except `shop`, which every policy needs.
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel

from shopterms.policy.diagnostics import YamlPath
from shopterms.policy.model import Policy
from shopterms.policy.model_paths import expectation_at, required_keys, unwrap


def missing(data: dict[str, Any]) -> dict[YamlPath, str]:
    """TODO paths with what each must state, in the order of the model."""
    found: dict[YamlPath, str] = {}
    _walk(Policy, data, (), found)
    return found


def _walk(model: type[BaseModel], data: dict[str, Any], path: YamlPath, found: dict[YamlPath, str]) -> None:
    for key in required_keys(model):
        if key not in data:
            found[(*path, key)] = _describe((*path, key))
    for key, value in data.items():
        field = model.model_fields.get(key)
        if field is None:
            continue
        _into(expectation_at((*path, key)).annotation, value, (*path, key), found)


def _into(annotation: Any, value: Any, path: YamlPath, found: dict[YamlPath, str]) -> None:
    annotation, _ = unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if isinstance(value, dict):
            _walk(annotation, value, path, found)
        return
    origin = get_origin(annotation)
    if origin is list and isinstance(value, list) and get_args(annotation):
        for index, item in enumerate(value):
            _into(get_args(annotation)[0], item, (*path, index), found)
    elif origin is dict and isinstance(value, dict) and get_args(annotation):
        for key, item in value.items():
            _into(get_args(annotation)[1], item, (*path, key), found)


def _describe(path: YamlPath) -> str:
    where = expectation_at(path)
    return where.field_description or where.type_description or "required"
