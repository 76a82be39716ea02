"""Catalogue entries for reading a policy file: encoding, size and YAML syntax (YAML###).

Codes are never renumbered or reused; a retired code keeps its entry.
"""

from __future__ import annotations

from shopterms.policy.diagnostics import CodeInfo

YAML_CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        code="YAML001",
        name="invalid-syntax",
        severity="error",
        summary="The file breaks the YAML syntax at this place.",
        why="Nothing after a syntax error can be read reliably, so no other check runs until it is fixed.",
        example='shop:\n  name: "Nordlicht Mode\n  url: https://nordlicht-mode.example',
        instead='shop:\n  name: "Nordlicht Mode"\n  url: https://nordlicht-mode.example',
    ),
    CodeInfo(
        code="YAML002",
        name="tab-character",
        severity="error",
        summary="A tab is used where YAML needs spaces (indentation, or between a key and its value).",
        why="YAML forbids tabs for indentation; editors show tabs at different widths, so the nesting the "
        "author sees is not the nesting the file has.",
        example="shop:\n\tname: Nordlicht Mode",
        instead="shop:\n  name: Nordlicht Mode",
    ),
    CodeInfo(
        code="YAML003",
        name="duplicate-key",
        severity="error",
        summary="The same key appears twice in one mapping.",
        why="Only one of the two values could be used, and which one is silently lost depends on the "
        "reading program; a policy must say one thing.",
        example="returns:\n  window: 30 days after delivery\n  window: 14 days after delivery",
        instead="returns:\n  window: 30 days after delivery",
    ),
    CodeInfo(
        code="YAML004",
        name="anchor-or-alias",
        severity="error",
        summary="An anchor (&name) or alias (*name) is used.",
        why="Anchors make one place of the file silently change another, which hides what a section says; "
        "they also allow tiny files that expand into billions of nodes. Policy files write every value out.",
        example="services:\n  - &base {id: standard, to: [DE], transit: 1-2, rate: 4.95}\n  - *base",
        instead="services:\n  - {id: standard, to: [DE], transit: 1-2, rate: 4.95}\n"
        "  - {id: express, to: [DE], transit: 1, rate: 9.95}",
    ),
    CodeInfo(
        code="YAML005",
        name="merge-key",
        severity="error",
        summary="A merge key (<<) copies keys from another mapping.",
        why="Merge keys are not part of YAML 1.2 and readers disagree about them; the merged values are "
        "invisible where they take effect.",
        example="express:\n  <<: {to: [DE], rate: 9.95}\n  id: express",
        instead="express:\n  id: express\n  to: [DE]\n  rate: 9.95",
    ),
    CodeInfo(
        code="YAML006",
        name="explicit-tag",
        severity="error",
        summary="A value carries a YAML tag such as !!python/object or !custom.",
        why="Tags ask the reader to build program objects; a policy holds only text, numbers, lists and "
        "mappings, and reading unknown tags safely means refusing them.",
        example="shop:\n  name: !!python/object:builtins.str Nordlicht Mode",
        instead='shop:\n  name: "Nordlicht Mode"',
    ),
    CodeInfo(
        code="YAML007",
        name="not-utf8",
        severity="error",
        summary="The file is not valid UTF-8 text.",
        why="Policy files are UTF-8 so that names such as Hafenstraße or Österreichische Post read the same "
        "everywhere; bytes in another encoding would turn into wrong characters.",
        example="(a file saved as Latin-1 or Windows-1252, where ß is the single byte 0xDF)",
        instead="Save the file as UTF-8 (most editors offer it in the save dialog or the status bar).",
    ),
    CodeInfo(
        code="YAML008",
        name="control-character",
        severity="error",
        summary="The file contains a control character YAML does not allow (such as NUL or ESC).",
        why="Control characters are invisible in most editors and usually come from copying out of another "
        "program; YAML rejects them.",
        example="shop:\n  name: Nordlicht\\x00Mode   (a NUL byte inside the name)",
        instead="shop:\n  name: Nordlicht Mode",
    ),
    CodeInfo(
        code="YAML009",
        name="empty-file",
        severity="error",
        summary="The file holds no policy: it is empty or has only comments.",
        why="An empty policy would publish no terms at all; this is almost always the wrong file or an "
        "unsaved editor buffer.",
        example="# shipping and returns of Nordlicht Mode",
        instead="shop:\n  name: Nordlicht Mode\n  ...",
    ),
    CodeInfo(
        code="YAML010",
        name="not-a-mapping",
        severity="error",
        summary="The top level of the file is not a mapping of keys (shop, shipping, returns, ...).",
        why="A policy is a set of named sections; a list or a single value at the top cannot say which "
        "section is which.",
        example="- shop: Nordlicht Mode\n- shipping: ...",
        instead="shop:\n  name: Nordlicht Mode\nshipping:\n  ...",
    ),
    CodeInfo(
        code="YAML011",
        name="complex-key",
        severity="error",
        summary="A list or mapping is used as a key.",
        why="Keys in a policy are names; YAML's complex keys (? [a, b]) have no meaning here and most "
        "readers cannot handle them.",
        example="rate:\n  ? [AT, CH]\n  : 7.95",
        instead="rate: {AT: 7.95, CH: 7.95}",
    ),
    CodeInfo(
        code="YAML012",
        name="multiple-documents",
        severity="error",
        summary="The file holds more than one YAML document (a second ---).",
        why="One file describes one shop; a second document would be ignored by some readers and merged "
        "by others.",
        example="shop: {name: Nordlicht Mode}\n---\nshop: {name: Nordlicht Outlet}",
        instead="Put each shop in its own file.",
    ),
    CodeInfo(
        code="YAML013",
        name="file-too-large",
        severity="error",
        summary="The file is larger than 1 MiB, the limit for a policy file.",
        why="A real policy is a few kilobytes; a limit keeps a wrong or hostile file from tying up the "
        "validator, the API server or an agent that reads it.",
        example="(a policy file of 1.2 MiB, e.g. with a generated list of postal codes)",
        instead="Keep the file under 1 MiB: list postal-code prefixes such as '80*' instead of every code.",
    ),
    CodeInfo(
        code="YAML014",
        name="too-deeply-nested",
        severity="error",
        summary="Lists and mappings are nested more than 32 levels deep.",
        why="A policy nests about six levels; far deeper nesting is a broken or hostile file, and reading "
        "it could exhaust the reader.",
        example="closed: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[2026-12-24]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        instead="closed: [2026-12-24]",
    ),
    CodeInfo(
        code="YAML015",
        name="unreadable-file",
        severity="error",
        summary="The file does not exist or cannot be read (missing, a directory, no permission).",
        why="Nothing can be checked; the command exits with status 2, as for a usage error.",
        example="shopterms validate polcy.yaml   (a misspelt file name)",
        instead="shopterms validate policy.yaml",
    ),
)
