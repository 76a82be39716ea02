"""Reading an export row by row: CSV or JSON Lines (optionally gzip-compressed), never the whole file at
once, so a file of millions of rows is read in the memory of one row.

Problems of the whole file (it cannot be opened, the header lacks the order column, a column looks like
personal data) raise ExportError before any row is used. Problems of one row come out as that row's
RowError, with the line it starts on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import operator
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from shopterms.policy.evidence.fields import FIELDS
from shopterms.policy.evidence.mapping import ANY_VALUE, Mapping
from shopterms.policy.evidence.privacy import looks_personal, personal_columns
from shopterms.policy.evidence.rows import RawRow, RowError

STDIN = "-"
# A single field longer than this is no export value; csv refuses it instead of reading it into memory.
MAX_FIELD_BYTES = 1 << 20
ReadRow = tuple[int, RawRow | RowError]


class ExportError(ValueError):
    """The export as a whole cannot be read as the mapping says; nothing of it is used."""


@dataclass
class ExportReader:
    """The rows of one export, as raw text per record field."""

    path: str
    mapping: Mapping
    format: str = field(init=False)
    notices: list[str] = field(default_factory=list, init=False)
    skipped: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.format = self.mapping.format or _format_of(self.path)

    def rows(self) -> Iterator[ReadRow]:
        """(line, raw row) for each row, or (line, RowError) for a row that cannot be split into fields."""
        with _open(self.path, self.mapping.encoding) as stream:
            if self.format == "csv":
                yield from self._csv_rows(stream)
            else:
                yield from self._json_rows(stream)

    def _csv_rows(self, stream: IO[str]) -> Iterator[ReadRow]:
        csv.field_size_limit(MAX_FIELD_BYTES)
        reader = csv.reader(stream, delimiter=self.mapping.delimiter, strict=False)
        try:
            header = next(reader)
        except StopIteration:
            raise ExportError(f"{self.path} is empty; an export starts with a header row") from None
        except csv.Error as error:
            raise ExportError(f"{self.path}: the header row cannot be read: {error}") from None
        header = [name.strip() for name in header]
        positions = self._positions(header)
        skips = [
            (header.index(column), {value.strip().lower() for value in values})
            for column, values in self.mapping.skip.items()
            if column in header
        ]
        # The fields of a row, in the order of FIELDS (None for a field the file has no column for).
        pick: Callable[[list[str]], RawRow]
        if None in positions:

            def pick(values: list[str]) -> RawRow:
                return [None if position is None else values[position] for position in positions]

        else:
            pick = operator.itemgetter(*positions)
        width, previous = len(header), reader.line_num
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield previous + 1, RowError(f"the row cannot be read as CSV: {error}")
                previous = reader.line_num
                continue
            line, previous = previous + 1, reader.line_num
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            if len(values) != width:
                yield line, RowError(f"the row has {len(values)} fields; the header has {width}")
                continue
            if skips and _skipped(values, skips):
                self.skipped += 1
                continue
            yield line, pick(values)

    def _positions(self, header: list[str]) -> list[int | None]:
        columns = self.mapping.columns
        present = {name: index for index, name in reversed(list(enumerate(header)))}
        if columns["order_id"] not in present:
            raise ExportError(
                f"{self.path} has no column '{columns['order_id']}' for order_id; its columns are "
                f"{', '.join(header[:30])}{' …' if len(header) > 30 else ''}"
            )
        refused = personal_columns(header, columns.values(), self.mapping.ignore)
        if refused:
            raise ExportError(_personal_message(self.path, refused))
        missing = [f"{column} ({name})" for name, column in columns.items() if column not in present]
        if missing:
            self.notices.append(f"not in the file, left empty: {', '.join(missing)}")
        return [present.get(columns[name]) if name in columns else None for name in FIELDS]

    def _json_rows(self, stream: IO[str]) -> Iterator[ReadRow]:
        columns = self.mapping.columns
        keys = [columns.get(name) for name in FIELDS]
        checked: set[str] = set()
        declared = {name.strip().lower() for name in [*columns.values(), *self.mapping.ignore]}
        skips = {
            column: {value.strip().lower() for value in values}
            for column, values in self.mapping.skip.items()
        }
        for line, text in enumerate(stream, start=1):
            if not text.strip():
                continue
            try:
                item = json.loads(text)
            except ValueError as error:
                yield line, RowError(f"the line is not JSON: {error}")
                continue
            if not isinstance(item, dict):
                yield line, RowError(f"the line holds a JSON {type(item).__name__}, not an object")
                continue
            new = [key for key in item if key not in checked]
            if new:
                refused = [key for key in new if looks_personal(key) and key.strip().lower() not in declared]
                if refused:
                    raise ExportError(_personal_message(f"{self.path}:{line}", refused))
                checked.update(new)
            if skips and any(_matches(item.get(column), values) for column, values in skips.items()):
                self.skipped += 1
                continue
            try:
                yield line, [None if key is None else _json_text(item.get(key), key) for key in keys]
            except RowError as error:
                yield line, error


def _format_of(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".csv", ".tsv", ".txt")) or path == STDIN:
        return "csv"
    raise ExportError(
        f"cannot tell the format of {path} from its name; set format: csv or jsonl in the mapping"
    )


def _open(path: str, encoding: str) -> IO[str]:
    # Undecodable bytes are kept as surrogates: the row holding them is refused, not the whole file.
    if path == STDIN:
        return io.TextIOWrapper(
            sys.stdin.buffer, encoding=_bom_aware(encoding), errors="surrogateescape", newline=""
        )
    try:
        if path.lower().endswith(".gz"):
            return gzip.open(
                Path(path), "rt", encoding=_bom_aware(encoding), errors="surrogateescape", newline=""
            )
        return Path(path).open(encoding=_bom_aware(encoding), errors="surrogateescape", newline="")
    except FileNotFoundError:
        raise ExportError(f"there is no file {path}") from None
    except OSError as error:
        raise ExportError(f"cannot read {path}: {error.strerror or error}") from None


def _bom_aware(encoding: str) -> str:
    """UTF-8 read as utf-8-sig, so a byte-order mark (Excel writes one) does not stick to the first column."""
    return "utf-8-sig" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding


def _skipped(values: list[str], skips: list[tuple[int, set[str]]]) -> bool:
    return any(_matches(values[index], wanted) for index, wanted in skips)


def _matches(value: Any, wanted: set[str]) -> bool:
    text = "" if value is None else str(value).strip().lower()
    return bool(text) and (ANY_VALUE in wanted or text in wanted)


def _json_text(value: Any, key: str) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (dict, list)):
        raise RowError(f"'{key}' holds a JSON {type(value).__name__}; a field takes text, a number or a date")
    return str(value)


def _personal_message(where: str, columns: list[str]) -> str:
    shown = ", ".join(f"'{name}'" for name in columns[:12]) + (" …" if len(columns) > 12 else "")
    return (
        f"{where} has columns that look like personal data: {shown}. Nothing was read: shopterms keeps no "
        "names, streets, e-mail addresses or phone numbers. List them under ignore: in the mapping (or map "
        "them to a field if they are not personal)"
    )
