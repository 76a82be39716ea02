"""The bytes of a policy file: reading them within the size limit and decoding them as UTF-8."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from shopterms.policy.codes import diagnostic
from shopterms.policy.diagnostics import Diagnostic
from shopterms.policy.locate import point, position_of

# A real policy is a few kilobytes; the limit keeps a wrong or hostile file from tying up a reader.
MAX_BYTES = 1024 * 1024

# Byte-order marks of encodings that are not UTF-8, so the message can name what the editor saved.
_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


@dataclass(frozen=True)
class Source:
    """Decoded text, or the reason there is none. `text` is set for display even when a byte was bad."""

    text: str | None
    problem: Diagnostic | None = None


def read_bytes(path: Path, file: str) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes, or a diagnostic when it cannot be read or exceeds MAX_BYTES."""
    try:
        with path.open("rb") as stream:
            # Reading one byte past the limit notices oversized files even where stat() says 0 (pipes).
            data = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, _unreadable(file, "the file does not exist", "check the spelling of the path")
    except IsADirectoryError:
        return None, _unreadable(
            file, "this is a directory, not a policy file", "name a .yaml file inside it"
        )
    except PermissionError:
        return None, _unreadable(
            file, "the file cannot be read: permission denied", "check the file's permissions"
        )
    except OSError as error:
        return None, _unreadable(
            file, "the file cannot be read", None, detail=f"{type(error).__name__}: {error}"
        )
    except ValueError as error:  # a NUL character in the path
        return None, _unreadable(file, "this is not a usable file name", None, detail=str(error))
    if len(data) > MAX_BYTES:
        return None, too_large(file)
    return data, None


def too_large(file: str) -> Diagnostic:
    return diagnostic(
        "YAML013",
        "the file is larger than 1 MiB, the limit for a policy file",
        file,
        hint="a policy is a few kilobytes; list postal-code prefixes such as '80*' instead of every code",
    )


def decode(data: bytes, file: str) -> Source:
    """UTF-8 text (a UTF-8 byte-order mark is dropped), or YAML007 at the first byte that is not UTF-8."""
    for bom, encoding in _FOREIGN_BOMS:
        if data.startswith(bom):
            return Source(
                None,
                diagnostic(
                    "YAML007",
                    f"the file is saved as {encoding}, not UTF-8",
                    file,
                    location=point(1, 1),
                    hint="save the file as UTF-8 in your editor",
                ),
            )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Source(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        # Decoding the good prefix gives the character column; the bad byte shows as U+FFFD when displayed.
        prefix = data[: error.start].decode("utf-8", errors="replace")
        line, column = position_of(prefix, len(prefix))
        shown = data.decode("utf-8", errors="replace")
        return Source(
            shown,
            diagnostic(
                "YAML007",
                f"byte 0x{data[error.start]:02X} is not valid UTF-8",
                file,
                location=point(line, column),
                hint="save the file as UTF-8; it was probably saved as Latin-1 or Windows-1252",
                detail=str(error),
            ),
        )


def _unreadable(file: str, message: str, hint: str | None, detail: str | None = None) -> Diagnostic:
    return diagnostic("YAML015", message, file, hint=hint, detail=detail)
