"""Catalogue entries for the shape of a policy: keys, types and values the model accepts (SCHEMA###).

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.diagnostics import CodeInfo

SCHEMA_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="SCHEMA001",
        name="unknown-key",
        severity="error",
        summary="A key that this section does not have, usually a typo.",
        why="An unknown key is never silently ignored: a misspelt `trasit` would otherwise leave the "
        "delivery time unstated while the author believes it is published.",
        example="services:\n  - id: standard\n    trasit: 1-2",
        instead="services:\n  - id: standard\n    transit: 1-2",
    ),
    CodeInfo(
        code="SCHEMA002",
        name="missing-key",
        severity="error",
        summary="A section lacks a key it must have.",
        why="Required keys carry the facts buyers and agents rely on (such as a service's transit time); "
        "without them the published terms would be incomplete.",
        example="services:\n  - id: standard\n    to: [DE]\n    rate: 4.95",
        instead="services:\n  - id: standard\n    to: [DE]\n    transit: 1-2\n    rate: 4.95",
    ),
    CodeInfo(
        code="SCHEMA003",
        name="wrong-type",
        severity="error",
        summary="A value has the wrong kind: text where a number belongs, a list where a mapping belongs.",
        why="YAML guesses the kind of an unquoted value: 01067 becomes the number 1067 and loses its "
        "leading zero. Checking the kind catches these silent changes.",
        example="address: {postal_code: 01067, city: Dresden, country: DE}",
        instead='address: {postal_code: "01067", city: Dresden, country: DE}',
    ),
    CodeInfo(
        code="SCHEMA004",
        name="invalid-choice",
        severity="error",
        summary="A value that is not one of the choices this key allows.",
        why="Choices such as delivery options or return methods map onto fixed schema.org and API terms; "
        "a value outside the list has no meaning for a buyer's agent.",
        example="delivery_options: [home, courier]",
        instead="delivery_options: [home, parcel_locker]",
    ),
    CodeInfo(
        code="SCHEMA005",
        name="invalid-format",
        severity="error",
        summary="A value is not written in the form this key needs (country code, date, web address, ...).",
        why="Codes and dates are read by programs: DEU instead of DE, or 2026-02-30, would make every "
        "derived answer wrong.",
        example="sells_to: [DEU, AUT]",
        instead="sells_to: [DE, AT]",
    ),
    CodeInfo(
        code="SCHEMA006",
        name="out-of-range",
        severity="error",
        summary="A number is too small or too large for this key.",
        why="Limits catch slips such as a share of 96 where 0.96 was meant, or a negative price.",
        example="on_time_rate: 96",
        instead="on_time_rate: 0.96",
    ),
    CodeInfo(
        code="SCHEMA007",
        name="wrong-length",
        severity="error",
        summary="A list has too few or too many entries, or a text is empty or too long.",
        why="An empty list of services or payment methods would publish terms that promise nothing.",
        example="payment:\n  methods: []",
        instead="payment:\n  methods: [card, paypal]",
    ),
    CodeInfo(
        code="SCHEMA008",
        name="invalid-value",
        severity="error",
        summary="A value that does not make sense here; the message says why.",
        why="These checks catch values that are well-formed but contradictory or unreadable, such as a "
        "range that runs backwards or an unknown carrier.",
        example="handling: {days: 3-1}",
        instead="handling: {days: 1-3}",
    ),
    CodeInfo(
        code="SCHEMA009",
        name="unsupported-version",
        severity="error",
        summary="The file declares a format version this shopterms does not read.",
        why="A newer format may mean things this version would misread; it is safer to stop than to guess.",
        example="version: 2",
        instead="version: 1   (or install a shopterms release that reads version 2)",
    ),
    CodeInfo(
        code="SCHEMA010",
        name="internal-error",
        severity="error",
        summary="shopterms failed while checking the file; this is a fault in shopterms, not in the file.",
        why="The file could not be checked, so the command exits with status 2. The detail in the JSON "
        "output helps to report the fault.",
        example="(any file that makes the checker fail)",
        instead="Report the fault to the shopterms maintainers together with the file.",
    ),
    CodeInfo(
        code="SCHEMA011",
        name="more-problems",
        severity="error",
        summary="The file has more than 100 problems of shape and value; the rest are counted, not shown.",
        why="A file that broken is usually generated or cut wrongly; explaining thousands of problems one by "
        "one would take seconds and bury the first ones, which usually explain the rest.",
        example="shop:\n  k1: 1\n  k2: 2\n  ...   (thousands of unknown keys)",
        instead="Fix the first problems shown and check the file again.",
    ),
)
