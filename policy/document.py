"""YAML text to plain Python data, with the place of every key and value.

The text is read as YAML 1.2 (so `NO` stays text and `14:00` is not a number); we turn the parser's
events into dicts, lists and scalars ourselves. libyaml's C parser scans the text where it reads it
exactly as ruamel.yaml does (`policy.libyaml_events`); ruamel.yaml reads everything else, and reads
again any text in which something is wrong, so every diagnostic comes from one reader.

Walking events instead of a composed tree gives every start and end position, notices duplicate keys,
anchors, aliases and tags before they take effect (an alias bomb is refused at its first alias), and
needs no recursion however deep the input nests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError

from shopterms.policy import libyaml_events, syntax
from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic, Location, YamlPath
from shopterms.policy.locate import PositionMap, Span, point, position_of, source_lines

# A policy nests about six levels; anything far deeper is broken or hostile.
MAX_DEPTH = 32
_STR_TAG = "tag:yaml.org,2002:str"
_TEXT_TAGS = {"!", _STR_TAG}  # `!` and `!!str` only say "this is text"; harmless, so allowed
# YAML 1.2's core schema has no timestamps: an unquoted 2026-12-24 is text, as editors read it too. The
# model's date fields read that text as a day, and a text field keeps it as written.
_TEXT_READ_TAGS = {_STR_TAG, "tag:yaml.org,2002:timestamp"}


@dataclass
class Document:
    """What the YAML layer read: the data (None when unusable), positions, and YAML-level findings."""

    data: Any
    positions: PositionMap
    diagnostics: list[Diagnostic]


class _Stop(Exception):
    """Reading cannot go on (a second document, too deep a nesting); the finding is already recorded."""


_DROP = object()  # a key whose value is reported and not kept (duplicate, merge key, alias, complex key)


@dataclass
class _Frame:
    """An open mapping or sequence while its events arrive."""

    kind: str  # "map" or "seq"
    path: YamlPath
    container: dict[str, Any] | list[Any] | None  # None: reported, read only to find further problems
    start: StreamMark
    flow: bool
    key_span: Location | None
    is_key: bool = False
    last_end: tuple[int, int] | None = None  # end (line, column) of the last child, for block spans
    key: Any = None  # the pending key of a mapping; None while a key is expected
    key_location: Location | None = None
    first_lines: dict[str, int] = field(default_factory=dict)


def read_document(text: str, file: str) -> Document:
    if libyaml_events.usable(text):
        fast = _Reader(text, file, libyaml_events.events(text), plain=_plain_1_2)
        try:
            try:
                fast.run()
            except _Stop:
                # Nesting too deep (or a second document): the rest is still scanned, in C, so that a
                # syntax error further on goes to ruamel.yaml like any other.
                libyaml_events.drain(fast.events)
        except libyaml_events.TooDeep:
            return _too_deep(text, file, len(fast.stack), fast.read_up_to)
        except Exception:  # a syntax error or something unusual: ruamel.yaml reads it and says what
            return _read_with_ruamel(text, file)
        document = fast.finish()
        # A clean reading is kept, and one whose only findings come from the events themselves, which are
        # the same from both parsers: repeated keys, and nesting too deep (ruamel.yaml's scanner would
        # take seconds over thousands of open brackets). For anything else ruamel.yaml reads the text
        # again, so every other finding, its words and its place come from one reader.
        if all(item.code in _FOUND_IN_EVENTS for item in document.diagnostics):
            return document
    return _read_with_ruamel(text, file)


def _too_deep(text: str, file: str, depth: int, start: int) -> Document:
    """A thousand brackets open at once: libyaml refuses them, and ruamel.yaml's scanner would take
    seconds over them. The place is found by counting the open brackets outside quotes from where the
    events stopped (`start`, with `depth` collections open there), as far as the reader would have gone."""
    quote = ""
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            if depth >= MAX_DEPTH:
                reader = _Reader(text, file, iter(()))
                line, column = position_of(text, index)
                reader.report(
                    "YAML014",
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                    point(line, column),
                    hint="a policy nests about six levels; check for stray brackets",
                )
                return Document(None, reader.positions, reader.diagnostics)
            depth += 1
        elif char in "]}":
            depth -= 1
    return _read_with_ruamel(text, file)


def _read_with_ruamel(text: str, file: str) -> Document:
    reader = _Reader(text, file)
    try:
        reader.run()
    except _Stop:
        pass
    except ReaderError as error:
        reader.control_character(error)
    except MarkedYAMLError as error:
        reader.syntax_error(error)
    except Exception as error:  # the parser's own faults on odd input must not escape as tracebacks
        reader.report(
            "YAML001", "the file could not be read as YAML", detail=f"{type(error).__name__}: {error}"
        )
    return reader.finish()


class _Reader:
    def __init__(
        self,
        text: str,
        file: str,
        events: Iterator[Event] | None = None,
        plain: Callable[[str], Any] | None = None,
    ) -> None:
        self.text = text
        self.file = file
        self.positions = PositionMap()
        self.diagnostics: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.root_event: Event | None = None
        self.documents = 0
        self.read_up_to = 0  # the end of the last event read, as an index into the text
        yaml = YAML(typ="rt")
        # Scalars are resolved by ruamel.yaml's YAML 1.2 resolver whichever parser scanned the text.
        self.events = yaml.parse(text) if events is None else events
        self.resolver = yaml.resolver
        self.constructor = SafeConstructor(loader=yaml)
        # How a plain scalar is read: by this reader's resolver (which follows a %YAML directive), or,
        # where no directive can occur, by the shared YAML 1.2 reading with its memory of values.
        self.plain = plain or self.plain_value

    def report(self, code: str, message: str, location: Location | None = None, **extra: Any) -> None:
        self.diagnostics.append(diagnostic(code, message, self.file, location=location, **extra))

    def run(self) -> None:
        for event in self.events:
            self.read_up_to = event.end_mark.index
            if isinstance(event, DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    mark = event.start_mark
                    self.report(
                        "YAML012",
                        "a second YAML document starts here; a policy file holds one",
                        point(mark.line + 1, mark.column + 1, 3),
                        hint="put each shop in its own file, or remove the extra '---'",
                    )
                    raise _Stop
            elif isinstance(event, (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent)):
                self.node(event)
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                self.close(event)

    def node(self, event: Event) -> None:
        parent = self.stack[-1] if self.stack else None
        is_key = parent is not None and parent.kind == "map" and parent.key is None
        dropped = parent is not None and (parent.container is None or parent.key is _DROP) and not is_key
        if parent is None:
            path: YamlPath = ()
        elif parent.kind == "map":
            path = (*parent.path, parent.key if isinstance(parent.key, str) else "")
        else:
            path = (*parent.path, len(parent.container or ()))
        self.check_anchor_and_tag(event)
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                mark = event.start_mark
                self.report(
                    "YAML014",
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                    point(mark.line + 1, mark.column + 1),
                    hint="a policy nests about six levels; check for stray brackets",
                )
                raise _Stop
            keep = not dropped and not (is_key or (parent is not None and parent.container is None))
            kind = "map" if isinstance(event, MappingStartEvent) else "seq"
            container: dict[str, Any] | list[Any] | None = ({} if kind == "map" else []) if keep else None
            key_span = parent.key_location if parent is not None and parent.kind == "map" else None
            self.stack.append(
                _Frame(kind, path, container, event.start_mark, bool(event.flow_style), key_span, is_key)
            )
            if is_key:
                self.report(
                    "YAML011",
                    "a list or mapping is used as a key here; keys must be plain names",
                    self.span(event.start_mark, event.start_mark, 1),
                    hint="write the key as a name, e.g. 'AT: 7.95' instead of '? [AT, CH]: 7.95'",
                )
            return
        if is_key:
            assert parent is not None
            self.key(parent, event)
            return
        value = None if isinstance(event, AliasEvent) else self.scalar(event)
        self.place(parent, path, value, self.span(event.start_mark, event.end_mark), dropped)

    def key(self, parent: _Frame, event: Event) -> None:
        location = self.span(event.start_mark, event.end_mark)
        parent.key = _DROP
        if not isinstance(event, ScalarEvent):
            return  # an alias as key: already reported by check_anchor_and_tag
        name = self.text_of(event)
        if event.style is None and event.tag is None and name == "<<":
            self.report(
                "YAML005",
                "merge keys ('<<') are not allowed in a policy file",
                location,
                hint="write the keys out in this mapping instead of merging them in",
            )
        elif name in parent.first_lines:
            self.report(
                "YAML003",
                f"the key '{name}' appears a second time in {_dotted(parent.path)}",
                location,
                path=(*parent.path, name),
                hint=f"it is first written on line {parent.first_lines[name]}; keep only one of the two",
            )
        else:
            parent.first_lines[name] = location.line
            parent.key = name
        parent.key_location = location

    def place(
        self, parent: _Frame | None, path: YamlPath, value: Any, location: Location, dropped: bool
    ) -> None:
        if parent is None:
            self.root = value
            self.positions.add((), Span(None, location))
            return
        key_span = parent.key_location if parent.kind == "map" else None
        parent.last_end = (location.end_line or location.line, location.end_column or location.column)
        if not dropped and parent.container is not None:
            if isinstance(parent.container, dict):
                parent.container[parent.key] = value
            else:
                parent.container.append(value)
            self.positions.add(path, Span(key_span, location))
        if parent.kind == "map":
            parent.key = None

    def close(self, event: Event) -> None:
        frame = self.stack.pop()
        if frame.flow or frame.last_end is None:
            location = self.span(frame.start, event.end_mark)
        else:
            location = Location(frame.start.line + 1, frame.start.column + 1, *frame.last_end)
        parent = self.stack[-1] if self.stack else None
        if frame.is_key:
            assert parent is not None
            parent.key = _DROP
            parent.key_location = location
            return
        dropped = frame.container is None
        self.place(parent, frame.path, frame.container, location, dropped)

    def scalar(self, event: Event) -> Any:
        assert isinstance(event, ScalarEvent)
        if event.style is not None or event.tag is not None:
            return self.text_of(event)  # quoted, block or tagged scalars are text
        return self.plain(str(event.value))

    def plain_value(self, value: str) -> Any:
        return _plain_value(value, self.resolver, self.constructor)

    def text_of(self, event: ScalarEvent) -> str:
        """A quoted value's text. JSON-style escapes such as "\\ud83d\\ude00" spell one character in two
        halves; they are joined, and a half without its partner is reported (it is no character at all)."""
        value = str(event.value)
        if event.style == ">":
            # ruamel.yaml's round-trip reader marks each fold of a folded scalar with a BEL character (to
            # write it back the same way); the text itself has none (YAML allows no raw BEL).
            value = value.replace("\a", "")
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            pass
        joined = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if joined.count("\ufffd") > value.count("\ufffd"):
            self.report(
                "YAML001",
                "this quoted value contains an escape for half a character (a lone UTF-16 surrogate)",
                self.span(event.start_mark, event.end_mark),
                hint="write the character itself, or both halves of its escape, e.g. \\ud83d\\ude00",
            )
        return joined

    def check_anchor_and_tag(self, event: Event) -> None:
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            self.report(
                "YAML004",
                f"the alias '*{event.anchor}' repeats another part of the file; policy files use no aliases",
                self.span(mark, event.end_mark),
                hint="write the values out in full where they are needed",
            )
            return
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.report(
                "YAML004",
                f"the anchor '&{anchor}' is not allowed in a policy file",
                point(mark.line + 1, mark.column + 1, len(anchor) + 1),
                hint="remove the anchor and write the values out in full where they are needed",
            )
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, ScalarEvent) and tag in _TEXT_TAGS):
            written = self.tag_token(mark.index) or tag
            self.report(
                "YAML006",
                f"the tag '{written}' is not allowed in a policy file",
                point(mark.line + 1, mark.column + 1 + (self.tag_offset(mark.index)), len(written)),
                hint="remove the tag; put a value in quotes if it must be read as text",
            )

    def tag_offset(self, index: int) -> int:
        """Columns from the node start (which may be an anchor) to its tag."""
        return max(self.text.find("!", index) - index, 0)

    def tag_token(self, index: int) -> str | None:
        start = self.text.find("!", index)
        if start < 0:
            return None
        end = start
        while end < len(self.text) and not self.text[end].isspace() and self.text[end] not in ",[]{}":
            end += 1
        return self.text[start:end]

    def span(self, start: StreamMark, end: StreamMark, length: int | None = None) -> Location:
        if length is not None:
            return point(start.line + 1, start.column + 1, length)
        # Block scalars end after their line breaks; the span should end with the last written character.
        end_index = end.index
        while end_index > start.index + 1 and self.text[end_index - 1] in " \t\r\n":
            end_index -= 1
        if end_index == end.index:
            return Location(start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        end_line = end.line - (len(source_lines(self.text[end_index : end.index])) - 1)
        line_start = max(self.text.rfind("\n", 0, end_index), self.text.rfind("\r", 0, end_index)) + 1
        return Location(start.line + 1, start.column + 1, end_line + 1, end_index - line_start + 1)

    def control_character(self, error: ReaderError) -> None:
        line, column = position_of(self.text, error.position)
        code_point = (
            error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        )
        self.report(
            "YAML008",
            f"the control character U+{code_point:04X} is not allowed in a YAML file",
            point(line, column),
            hint="delete the invisible character (it usually comes from copying text out of another program)",
            detail=str(error),
        )

    def syntax_error(self, error: MarkedYAMLError) -> None:
        problem = syntax.describe(error, self.text)
        mark = error.context_mark if problem.at_context and error.context_mark else error.problem_mark
        mark = mark or error.context_mark
        location = point(mark.line + 1, mark.column + 1) if mark is not None else None
        self.report(problem.code, problem.message, location, hint=problem.hint, detail=_library_text(error))

    def finish(self) -> Document:
        if self.diagnostics:
            return Document(None, self.positions, self.diagnostics)
        if self.root is None and self.documents <= 1 and not self.text_has_content():
            self.report(
                "YAML009",
                "the file holds no policy; it is empty or has only comments",
                point(1, 1),
                hint="start with the shop section, e.g. 'shop: {name: ..., url: ...}'",
            )
            return Document(None, self.positions, self.diagnostics)
        if not isinstance(self.root, dict):
            self.report(
                "YAML010",
                f"the top level of the file is {_kind(self.root)}, not a mapping of sections",
                self.positions.value(()) or point(1, 1),
                hint="a policy starts with keys such as 'shop:', 'shipping:' and 'returns:' at the margin",
            )
            return Document(None, self.positions, self.diagnostics)
        return Document(self.root, self.positions, self.diagnostics)

    def text_has_content(self) -> bool:
        """Whether anything but comments, blank lines and document markers is written."""
        for line in self.text.splitlines():
            stripped = line.strip()
            if stripped and not stripped.startswith("#") and stripped not in {"---", "..."}:
                return True
        return False


def _plain_value(value: str, resolver: Any, constructor: SafeConstructor) -> Any:
    """A plain scalar as YAML 1.2 reads it: null, true/false, a number, or the text itself."""
    tag = resolver.resolve(ScalarNode, value, (True, False))
    if any(tag == name for name in _TEXT_READ_TAGS):  # ruamel's Tag equals its name, but hashes apart
        return value
    try:
        return constructor.construct_object(ScalarNode(tag, value, None), deep=True)
    except Exception:  # e.g. 2026-02-30: keep the text, and let the model say what is wrong with it
        return value


_FOUND_IN_EVENTS = {"YAML003", "YAML014"}

# A reader that never sees a %YAML directive: its resolver reads YAML 1.2.
_YAML_1_2 = YAML(typ="rt")


def _plain_1_2(value: str) -> Any:
    """`_plain_value` for texts without a directive. Short values are remembered: they are immutable
    (null, true/false, numbers, text) and policy files repeat many of them (DE, true, 4.95); long ones
    are not, so a hostile file cannot fill the memory with them. Two shapes are read directly, as the
    YAML 1.2 resolver reads them (tests/policy/test_yaml_readers.py compares): a value that starts with
    an ASCII letter and is no true/false/null word is text; digits without a leading zero, an integer."""
    first = value[:1]
    if first.isascii() and first.isalpha() and value not in _WORDS:
        return value
    if _DECIMAL.match(value):
        return int(value)
    if len(value) <= _REMEMBERED_LENGTH:
        return _short_plain_1_2(value)
    return _plain_value(value, _YAML_1_2.resolver, SafeConstructor(loader=_YAML_1_2))


_REMEMBERED_LENGTH = 64
_WORDS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"})
_DECIMAL = re.compile(r"^(?:0|[1-9][0-9]{0,15})$", re.ASCII)


@lru_cache(maxsize=8192)
def _short_plain_1_2(value: str) -> Any:
    return _plain_value(value, _YAML_1_2.resolver, SafeConstructor(loader=_YAML_1_2))


def _dotted(path: YamlPath) -> str:
    if not path:
        return "the top level"
    return Diagnostic(code="", severity="info", message="", file="", path=path).dotted_path


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a single text"
    if isinstance(value, bool):
        return "a single true/false value"
    if isinstance(value, (int, float)):
        return "a single number"
    if value is None:
        return "an empty value (null)"
    return "a single value"


def _library_text(error: MarkedYAMLError) -> str:
    parts = [part for part in (error.context, error.problem) if part]
    return "; ".join(parts) or type(error).__name__
