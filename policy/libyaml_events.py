"""YAML events from libyaml's C parser (through PyYAML), in the shape ruamel.yaml gives them.

ruamel.yaml's pure-Python scanner is where reading a policy spends its time (about 50 ms for a 6 KB
file, against 1 ms for libyaml). Both parsers produce the same events with the same marks (line,
column and character index) for ordinary YAML, so `policy.document` reads libyaml's events first and
uses ruamel.yaml only where the two could differ or something is wrong:

- texts libyaml reads by other rules: a `%YAML` directive (ruamel switches to YAML 1.1 scalars for
  it), tabs, a comment straight after a block scalar's header, and characters YAML 1.1 and 1.2
  treat differently (NEL, the Unicode line and paragraph separators, a byte-order mark inside the
  text) or that the readers check differently (controls);
- a key without a value (the two readers place the empty value differently), an anchor, an alias or
  a tag (they spell their names by slightly different rules; all of them are findings anyway);
- any syntax error or other finding (a duplicate key, a second document): ruamel.yaml then reads the
  file again, so every finding, its wording and its place come from one reader.

Scalars are resolved by ruamel.yaml's YAML 1.2 resolver in both cases (so `NO`, `030`, `1_000` and
`14:00` mean what they always meant); only the scanning is libyaml's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import events as ruamel

try:
    from yaml import events as pyyaml
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: every text goes to ruamel.yaml
    CParser = None

# What only ruamel.yaml reads by the rules the loader promises (see the module docstring).
_NOT_FOR_LIBYAML = re.compile(
    r"[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]|^%"
    # libyaml takes a comment straight after a block scalar's header (|#, >-#); YAML and ruamel do not.
    r"|[|>][0-9+-]{0,2}#",
    re.MULTILINE,
)


def usable(text: str) -> bool:
    """Whether libyaml may read `text` (it is there, and the text holds nothing it reads differently)."""
    return CParser is not None and _NOT_FOR_LIBYAML.search(text) is None


def events(text: str) -> Iterator[ruamel.Event]:
    """libyaml's events for `text`, as ruamel.yaml event objects; raises PyYAML's errors on bad syntax."""
    assert CParser is not None
    parser = CParser(text)
    try:
        while _checked(parser):
            event = parser.get_event()
            if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
                # Anchors, aliases and tags are findings in a policy, and the two parsers spell their
                # names by slightly different rules (libyaml takes `!!!`): ruamel.yaml reads these.
                raise Unusual("an anchor, alias or tag")
            converted = _converted(event)
            if isinstance(converted, ruamel.ScalarEvent) and _is_empty(converted):
                # ruamel.yaml places an empty value where the next token starts (a comma, the next key,
                # the end of a block), libyaml right after the key: the loader keeps ruamel.yaml's places.
                raise Unusual("a key without a value")
            if converted is not None:
                yield converted
    finally:
        parser.dispose()


class TooDeep(Exception):
    """libyaml stopped at its own limit of 1,000 open collections, before any event showed the depth."""


def drain(remaining: Iterator[ruamel.Event]) -> None:
    """Scan the rest of a text whose reading already stopped; raises on a syntax error in it. libyaml's
    own limit of 1,000 open collections ends the scan quietly: the reading stopped at 32 already."""
    try:
        for _ in remaining:
            pass
    except Exception as error:
        if "maximum nesting depth" not in str(error):
            raise


class Unusual(Exception):
    """Something the two parsers treat differently: the text is left to ruamel.yaml."""


def _checked(parser: Any) -> bool:
    try:
        return bool(parser.check_event())
    except Exception as error:
        if "maximum nesting depth" in str(error):
            raise TooDeep from error
        raise


def _is_empty(event: ruamel.ScalarEvent) -> bool:
    return event.value == "" and event.style is None and event.tag is None


def _converted(event: Any) -> ruamel.Event | None:
    start, end = event.start_mark, event.end_mark
    kind = type(event)
    if kind is pyyaml.ScalarEvent:
        # libyaml marks a plain scalar with the style '', ruamel.yaml with None.
        style = event.style or None
        return ruamel.ScalarEvent(event.anchor, event.tag, event.implicit, event.value, start, end, style)
    if kind is pyyaml.MappingStartEvent:
        return ruamel.MappingStartEvent(event.anchor, event.tag, event.implicit, start, end, event.flow_style)
    if kind is pyyaml.SequenceStartEvent:
        opened = ruamel.SequenceStartEvent
        return opened(event.anchor, event.tag, event.implicit, start, end, event.flow_style)
    if kind is pyyaml.MappingEndEvent:
        return ruamel.MappingEndEvent(start, end)
    if kind is pyyaml.SequenceEndEvent:
        return ruamel.SequenceEndEvent(start, end)
    if kind is pyyaml.AliasEvent:
        return ruamel.AliasEvent(event.anchor, start, end)
    if kind is pyyaml.DocumentStartEvent:
        return ruamel.DocumentStartEvent(start, end, event.explicit, event.version, event.tags)
    return None  # stream start and end, document end: the reader has no use for them
