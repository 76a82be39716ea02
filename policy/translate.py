"""Pydantic's validation errors in our words: one Diagnostic per problem, with code, place and hint.

Every pydantic error type is sorted into one of our kinds (unknown key, missing key, wrong type, ...);
errors that pydantic reports once per alternative of a union are merged into one finding. Pydantic's
own text survives only as `detail`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from shopterms.policy import wording
from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location, YamlPath
from shopterms.policy.locate import PositionMap, excerpt, source_lines
from shopterms.policy.model.scalars import RangeError
from shopterms.policy.model_paths import (
    Expectation,
    allowed_keys,
    alternatives,
    choices,
    expectation_at,
    required_keys,
)

_KIND_BY_TYPE: Mapping[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown",
    "literal_error": "choice",
    "enum": "choice",
    "value_error": "value",
    "assertion_error": "value",
    **dict.fromkeys(("too_short", "too_long", "string_too_short", "string_too_long"), "length"),
    **dict.fromkeys(
        (
            "greater_than",
            "greater_than_equal",
            "less_than",
            "less_than_equal",
            "multiple_of",
            "finite_number",
            "decimal_max_digits",
            "decimal_max_places",
            "decimal_whole_digits",
            "date_future",
            "date_past",
        ),
        "range",
    ),
    **dict.fromkeys(
        (
            "string_pattern_mismatch",
            "date_parsing",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
            "datetime_parsing",
            "datetime_from_date_parsing",
            "time_parsing",
            "timedelta_parsing",
            "url_parsing",
            "url_scheme",
            "url_syntax_violation",
            "uuid_parsing",
        ),
        "format",
    ),
    **dict.fromkeys(
        (
            "int_parsing",
            "int_from_float",
            "float_parsing",
            "bool_parsing",
            "decimal_parsing",
            "model_attributes_type",
            "string_unicode",
            "int_parsing_size",
        ),
        "type",
    ),
}


# A validator's own refusal keeps its words; its kind chooses the code.
_CODE_BY_REFUSAL: Mapping[type, str] = {RangeError: "SCHEMA006"}


@dataclass(frozen=True)
class _Context:
    file: str
    lines: list[str]  # the source split once; excerpts of thousands of findings must not re-split it
    data: Any
    positions: PositionMap


@dataclass(frozen=True)
class _Item:
    raw: ErrorDetails
    where: Expectation

    @property
    def kind(self) -> str:
        kind = _KIND_BY_TYPE.get(self.raw["type"])
        if kind is None and self.raw["type"].endswith("_type"):
            return "type"
        return kind or "other"


def translate(
    error: ValidationError, *, file: str, source: str, data: Any, positions: PositionMap
) -> list[Diagnostic]:
    context = _Context(file, source_lines(source), data, positions)
    raws = error.errors(include_url=False)
    groups: dict[tuple[YamlPath, bool], list[_Item]] = {}
    for raw in raws[:MAX_PROBLEMS]:
        where = expectation_at(tuple(raw["loc"]), unknown_last_key=raw["type"] == "extra_forbidden")
        groups.setdefault((where.path, where.is_key), []).append(_Item(raw, where))
    found: dict[tuple[str, str, Location | None], Diagnostic] = {}
    echoes = _derived_echoes(groups, positions)
    for key, items in groups.items():
        if key in echoes:
            continue
        result = _diagnose(_merge(items), items, context)
        found.setdefault((result.code, result.message, result.location), result)
    reported = sorted(_without_typo_twins(list(found.values())), key=_order)
    if len(raws) > MAX_PROBLEMS:
        reported.append(_more_problems(raws[MAX_PROBLEMS:], context))
    return reported


# A file with more problems than this is reported up to it, then summed up: a generated file with
# 20,000 unknown keys would otherwise take seconds to explain, and no one reads past the first screens.
MAX_PROBLEMS = 100


def _more_problems(rest: list[ErrorDetails], context: _Context) -> Diagnostic:
    first = expectation_at(tuple(rest[0]["loc"]), unknown_last_key=rest[0]["type"] == "extra_forbidden")
    positions = context.positions
    return diagnostic(
        "SCHEMA011",
        f"{len(rest)} more problems are not shown; the first of them is here",
        context.file,
        path=first.path,
        location=positions.key(first.path) or positions.value(positions.nearest(first.path)),
        hint=f"fix the first {MAX_PROBLEMS} problems, then run the check again",
    )


def _failed_value(items: list[_Item]) -> tuple[str, str] | None:
    """The error type and the refused value (case-folded text) of a group, when it refused a value."""
    raw = items[0].raw
    value = raw.get("input")
    return (raw["type"], str(value).casefold()) if isinstance(value, str | int | float) else None


def _derived_echoes(
    groups: dict[tuple[YamlPath, bool], list[_Item]], positions: PositionMap
) -> set[tuple[YamlPath, bool]]:
    """Groups at paths the file does not write whose value fails exactly as a written one does: the model
    derived it (returns.countries from sells_to), and the merchant can only fix what they wrote, so the
    failure is reported once, there."""
    written = {_failed_value(items) for (path, _), items in groups.items() if path in positions}
    return {
        key
        for key, items in groups.items()
        if key[0] not in positions and _failed_value(items) is not None and _failed_value(items) in written
    }


def _without_typo_twins(found: list[Diagnostic]) -> list[Diagnostic]:
    """`trasit` reported as unknown already says `transit` is meant; the missing `transit` adds nothing."""
    missing = {item.path: item for item in found if item.code == "SCHEMA002"}
    kept: list[Diagnostic] = []
    twins: set[YamlPath] = set()
    for item in found:
        if item.code == "SCHEMA001" and item.hint and item.hint.startswith("did you mean"):
            meant = (*item.path[:-1], item.hint.split("'")[1])
            if meant in missing:
                twins.add(meant)
                item = replace(item, hint=f"did you mean '{meant[-1]}'? It is required here.")
        kept.append(item)
    return [item for item in kept if not (item.code == "SCHEMA002" and item.path in twins)]


def _order(item: Diagnostic) -> tuple[int, int, int]:
    location = item.location
    return (0, location.line, location.column) if location else (1, 0, 0)


def _merge(items: list[_Item]) -> str:
    """The kind of finding several errors at one path make: pydantic reports one per union alternative."""
    kinds = [item.kind for item in items]
    if len(items) == 1:
        return kinds[0]
    for preferred in ("value", "unknown", "missing"):
        if preferred in kinds:
            return preferred
    if set(kinds) == {"type"}:
        return "type"
    if "format" in kinds or "range" in kinds or "length" in kinds:
        return "format"
    return "choice" if "choice" in kinds else kinds[0]


def _diagnose(kind: str, items: list[_Item], context: _Context) -> Diagnostic:
    item = next((i for i in items if i.kind == kind), items[0])
    where, raw = item.where, item.raw
    detail = "; ".join(dict.fromkeys(f"{i.raw['type']}: {i.raw['msg']}" for i in items))
    if kind == "unknown":
        return _unknown_key(where, context, detail)
    if kind == "missing":
        return _missing_key(where, context, detail)
    path, location = _place(where, raw.get("input"), context)
    token = excerpt(context.lines, location) if location and location.end_line == location.line else None
    subject = wording.subject(path)
    describe = where.type_description or where.field_description
    if where.is_key:
        key = str(path[-1])
        return diagnostic(
            "SCHEMA005",
            f"'{key}' is not a valid key in {wording.where(path[:-1])}",
            context.file,
            path=path,
            location=location,
            hint=describe,
            detail=detail,
        )
    if kind == "choice" and path == ("version",):
        return diagnostic(
            "SCHEMA009",
            f"version {token or raw['input']} is not supported; this shopterms reads version 1",
            context.file,
            path=path,
            location=location,
            hint="write 'version: 1', or install a shopterms release that reads the newer format",
            detail=detail,
        )
    value = raw.get("input")
    if kind == "value":
        error = (raw.get("ctx") or {}).get("error")
        message = str(error) if error is not None and str(error) else f"{subject} is not valid here"
        hint = where.type_description if "; " not in message else None
        code = _CODE_BY_REFUSAL.get(type(error), "SCHEMA008")
        return diagnostic(code, message, context.file, path=path, location=location, hint=hint, detail=detail)
    if kind == "type":
        return _wrong_type(items, where, path, location, token, value, context, detail)
    shown = wording.shown(value, token)
    if kind == "choice" or (kind == "format" and len(items) > 1):
        options = [option for i in items for option in choices(i.where.annotation)]
        options += [alt for i in items for alt in wording.pattern_choices(i.raw)]
        code = "SCHEMA004" if kind == "choice" else "SCHEMA005"
        noun = "one of the choices" if kind == "choice" else "a valid value"
        forms = wording.listing(options) if kind == "choice" else alternatives(where.annotation)
        hint = wording.join_hints(wording.did_you_mean(value, options), forms or describe)
        return diagnostic(
            code,
            f"{shown} is not {noun} for {subject}",
            context.file,
            path=path,
            location=location,
            hint=hint,
            detail=detail,
        )
    if kind == "format":
        message, hint = wording.bad_format(raw, shown, subject)
        options = wording.pattern_choices(raw)
        hint = wording.join_hints(wording.did_you_mean(value, options), hint or describe)
        return diagnostic(
            "SCHEMA005", message, context.file, path=path, location=location, hint=hint, detail=detail
        )
    if kind == "range":
        message = wording.out_of_range(raw, shown, subject)
        return diagnostic(
            "SCHEMA006", message, context.file, path=path, location=location, hint=describe, detail=detail
        )
    if kind == "length":
        message = wording.wrong_length(raw, subject)
        hint = where.field_description or describe
        return diagnostic(
            "SCHEMA007", message, context.file, path=path, location=location, hint=hint, detail=detail
        )
    return diagnostic(
        "SCHEMA008",
        f"{subject} is not valid here",
        context.file,
        path=path,
        location=location,
        hint=describe,
        detail=detail,
    )


def _unknown_key(where: Expectation, context: _Context, detail: str) -> Diagnostic:
    path = where.path
    key = str(path[-1])
    location = context.positions.key(path) or context.positions.value(context.positions.nearest(path))
    allowed = allowed_keys(where.model) if where.model else []
    suggestion = wording.did_you_mean(key, allowed)
    if suggestion is None and allowed:
        suggestion = f"{wording.where(path[:-1])} takes these keys: {', '.join(allowed)}"
    return diagnostic(
        "SCHEMA001",
        f"unknown key '{key}' in {wording.where(path[:-1])}",
        context.file,
        path=path,
        location=location,
        hint=suggestion,
        detail=detail,
    )


def _missing_key(where: Expectation, context: _Context, detail: str) -> Diagnostic:
    path, positions = where.path, context.positions
    key, parent = str(path[-1]), path[:-1]
    location = positions.key(parent) if parent in positions and positions.key(parent) else None
    location = location or positions.value(positions.nearest(parent))
    hint = f"add the key '{key}'"
    if where.field_description:
        hint += f": {wording.lower_first(where.field_description)}"
    return diagnostic(
        "SCHEMA002",
        f"{wording.where(parent)} is missing the required key '{key}'",
        context.file,
        path=path,
        location=location,
        hint=hint,
        detail=detail,
    )


def _wrong_type(
    items: list[_Item],
    where: Expectation,
    path: YamlPath,
    location: Location | None,
    token: str | None,
    value: Any,
    context: _Context,
    detail: str,
) -> Diagnostic:
    expected = wording.expected_kinds([i.raw["type"] for i in items])
    subject = wording.subject(path)
    model = (
        where.annotation
        if isinstance(where.annotation, type) and issubclass(where.annotation, BaseModel)
        else None
    )
    hint = where.type_description or where.field_description
    if model is not None:
        needed = required_keys(model)
        hint = wording.join_hints(hint, f"Required keys: {', '.join(needed)}." if needed else None)
    if expected == "text" and wording.is_plain_scalar(value):
        written = token or wording.shown(value, None)
        message = f"{subject} must be text, but {written} is read as {wording.read_as(value, written)}"
        hint = f'put the value in quotes: {wording.key_name(path)}: "{written}"'
    elif value is None:
        message = f"{subject} is empty, but it must be {expected}"
    else:
        message = f"{subject} must be {expected}, not {wording.shown_kind(value, token)}"
        if expected == "a list" and (wording.is_plain_scalar(value) or isinstance(value, str)):
            hint = f"write a list in brackets: {wording.key_name(path)}: [{token or value}]"
    return diagnostic(
        "SCHEMA003", message, context.file, path=path, location=location, hint=hint, detail=detail
    )


def _place(where: Expectation, value: Any, context: _Context) -> tuple[YamlPath, Location | None]:
    """The written path and span for an error; shorthand expansion can name paths the file never wrote."""
    path, positions = where.path, context.positions
    if where.is_key:
        # `cost: {default: free, XX: 1}` is checked as returns.by_country.XX: the key is written under cost.
        written = (*path[:1], "cost", *path[2:]) if path[:2] == ("returns", "by_country") else path
        location = positions.key(path) or positions.key(written)
        return path, location or positions.value(positions.nearest(path))
    if path in positions:
        # An empty value has no width of its own; its key is what the merchant sees.
        if value is None and positions.key(path) is not None:
            return path, positions.key(path)
        return path, positions.value(path)
    ancestor = positions.nearest(path)
    if ancestor and not isinstance(_data_at(context.data, ancestor), (dict, list)):
        # A shorthand value (transit: 1-400) is checked as its parts (transit.max): the written value
        # is what failed, and its key is what the merchant knows.
        return ancestor, positions.value(ancestor)
    # e.g. `rate: {AT: abc}` is checked as rate[0].amount: find the one written value that failed.
    matches = [p for p in positions.under(ancestor) if _same(_data_at(context.data, p), value)]
    if len(matches) == 1:
        return matches[0], positions.value(matches[0])
    return path, positions.value(ancestor)


def _same(written: Any, value: Any) -> bool:
    return type(written) is type(value) and not isinstance(value, (dict, list)) and written == value


def _data_at(data: Any, path: YamlPath) -> Any:
    for part in path:
        if not isinstance(data, (dict, list)) or (isinstance(data, list) and not isinstance(part, int)):
            return None
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError):
            return None
    return data
