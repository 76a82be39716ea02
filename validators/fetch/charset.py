"""Bytes of a page to text, choosing the encoding as browsers do.

Labels are looked up in the WHATWG Encoding Standard's table (the `webencodings` package), so `latin1`
means windows-1252 and `utf8` means UTF-8 exactly as in a browser. The order is the HTML standard's: a
byte order mark, then the charset of the Content-Type header, then a `<meta>` charset near the top of the
page, then UTF-8 when the bytes are valid UTF-8 and windows-1252 when not. A label no browser knows
(`rot13`) is passed over with a warning instead of failing the read.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16le"), (codecs.BOM_UTF16_BE, "utf-16be"))
# The HTML standard's prescan looks at the first 1024 bytes for a <meta> that names the encoding.
_PRESCAN = 1024
_META = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([^\s"'/>;]+)""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DecodedText:
    """A page's text, the encoding it was read with, and why a declared encoding was passed over."""

    text: str
    encoding: str
    warning: str | None = None


def encoding_for(label: str) -> str | None:
    """The WHATWG name of an encoding label, or None when no browser knows the label."""
    import webencodings

    found = webencodings.lookup(label)
    # "replacement" stands for encodings browsers refuse to decode (ISO-2022-KR, HZ, ...).
    if found is None or found.name == "replacement":
        return None
    return str(found.name)


def decode_page(body: bytes, declared: str | None = None) -> DecodedText:
    """The text of an HTML page; `declared` is the charset parameter of its Content-Type, if any."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return DecodedText(_decode(body[len(bom) :], name), name)
    warnings = []
    for label, where in ((declared, "the server"), (_meta_label(body), "the page's <meta> tag")):
        if not label:
            continue
        name = encoding_for(label)
        if name is not None:
            if where != "the server" and name.startswith("utf-16"):
                name = "utf-8"  # a <meta> cannot declare UTF-16: its own bytes were read as ASCII
            return DecodedText(_decode(body, name), name, _joined(warnings))
        warnings.append(f"{where} declares the character encoding {label[:40]!r}, which browsers do not know")
    name = "utf-8" if _is_utf8(body) else "windows-1252"
    if warnings:
        warnings.append(f"the page was read as {name.upper() if name == 'utf-8' else name}")
    return DecodedText(_decode(body, name), name, _joined(warnings))


def _meta_label(body: bytes) -> str | None:
    match = _META.search(body[:_PRESCAN])
    return match.group(1).decode("ascii", errors="replace") if match else None


def _decode(body: bytes, name: str) -> str:
    import webencodings

    return str(webencodings.lookup(name).codec_info.decode(body, "replace")[0])


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _joined(warnings: list[str]) -> str | None:
    return "; ".join(warnings) or None
