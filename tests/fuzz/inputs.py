"""Structure-aware policy files for the fuzz suite: the examples mutated every way a file can go wrong.

`fuzz_inputs()` mixes four kinds of input, each as the bytes a file would hold:

- data-level mutations of the bundled examples: a value replaced by another of its field's valid forms
  (other time zones, cutoffs, calendars, ranges at their limits, dates at the ends of the supported
  range, odd but legal text), by an odd scalar (1.5, .nan, huge numbers, true, dates, empty text), by a
  value of the wrong kind, a key deleted or added, list items repeated, then written out as YAML in
  one of PyYAML's styles (block or flow, any quoting, narrow or wide lines, CRLF);
- text-level edits of the examples: YAML syntax inserted, spans deleted, lines repeated, tabs;
- hostile files: alias bombs, tags that would build objects, deep nesting, huge scalars and key
  counts, control characters, other encodings, files over the size limit (`HOSTILE`, each checked
  once, and smaller relatives of them with drawn sizes in the mix);
- `clean_inputs()`: valid alternatives only, so most of them validate clean and feed the downstream
  stage (every command, endpoint and tool).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import strategies as st

from shopterms.policy.document import read_document
from tests.conftest import example_files


@dataclass(frozen=True)
class FuzzInput:
    """One generated file and how it was made (shown when it breaks something)."""

    data: bytes
    origin: str

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in example_files()]
EXAMPLE_DATA = [read_document(text, "example").data for text in EXAMPLE_TEXTS]

# Valid forms by key name (wherever the key occurs); each list mixes the ordinary with the limits.
VALID_BY_KEY: dict[str, list[Any]] = {
    "timezone": ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "UTC",
                 "Etc/GMT+12", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu"],
    "cutoff": ["00:00", "23:59", "14:00", "02:30", "9:30", "23:59:59", "12:00:01"],
    "days": [0, 1, "0-1", "1-2", "0-365", 365, "365 days", "2 business days", {"min": 0, "max": 0}],
    "transit": [0, 1, "1-3", "0-365", 365, "2 to 5", "1 bis 2", {"min": 365, "max": 365}],
    "handling": [0, 2, "0-365"],
    "business_days": ["Mon-Fri", "Mon-Sun", "Sat", "Sun", "Mo-Sa", ["sat", "sun"], "Mon, Wed, Fri"],
    "delivery_days": ["Mon-Fri", "Mon-Sat", "Sun", ["mon"], "Di-So"],
    "holidays": ["DE", "DE-BY", "AT", "US-CA", "IN", "CN", "none", "GB-SCT", "BR", "JP", "IL", "NL"],
    "closed": [[], ["1970-01-01"], ["2199-12-31"], ["2199-12-01..2199-12-31", "1970-01-01..1970-06-30"],
               ["2026-12-24..2027-01-01", "2026-12-31"], [{"start": "2026-07-01", "end": "2027-06-29"}]],
    "to": [["DE"], ["DE-BY"], ["US", "US-CA"], ["GB", "CH"], [{"country": "DE", "postal_codes": ["80*"]}],
           ["CN", "IN", "JP"], ["NO", "IS"], ["AT", "DE"]],
    "rate": [0, "free", 4.95, "4,95", 9999999999.99, {"AT": 7.95, "DE": "free"},
             [{"amount": 4.95, "weight_kg": "0-2"}, {"amount": 6.95, "weight_kg": "2+"}],
             [{"amount": 0, "order_value": "50+"}, {"amount": 3.95, "items": "0-3"}]],
    "free_from": [0, 50, 0.01, 9999999999],
    "window": ["30 days after delivery", 0, 3650, "none", "unlimited", "14 days after order",
               "100 days after shipment", "lifetime"],
    "cost": ["free", "customer_pays", 4.95, {"default": "free", "AT": 6.95}, {"type": "fixed", "amount": 1}],
    "refund": [{"within": "14 days after withdrawal"}, {"days": 0, "after": "arrival"}, {"within": 365}],
    "seasonal": [[], [{"name": "Xmas", "orders": "2026-11-15..2026-12-24", "until": "2199-12-31"}],
                 [{"name": "Long", "orders": "1970-01-01..2199-12-31", "days": 3650}]],
    "withdrawal_days": [0, 14, 30, 365],
    "guarantee_years": [0, 2, 10, 1.5],
    "languages": [["de"], ["en-GB", "de"], ["zh-Hant-TW"], ["ar"], [], ["fr", "nl", "it", "es", "pl"]],
    "currency": ["EUR", "USD", "JPY", "CHF", "GBP", "KWD"],
    "sells_to": [["DE"], ["DE", "AT", "CH"], ["US"], ["GB", "IE"], ["JP"], ["IN", "CN"]],
    "country": ["DE", "US", "JP", "IN", "NO", "GB", "NL", "CH"],
    "hours": ["Mo-Fr 09:00-18:00; PH off", "24/7", "Mo-Su 00:00-24:00", "Sa 10:00-14:00",
              "Mo-Fr 22:00-02:00"],
    "response_within": ["24 hours", "PT1H", "9999 weeks", "0 minutes", "P1Y2M3W4DT5H6M7S"],
    "name": ["Nordlicht ☃", "<script>alert(1)</script>", "x" * 500, "Ünïcödé 漢字 😀", "line\nbreak",
             "\u202eRTL", "${jndi:ldap://x}", '"quotes\' & <tags>'],
    "items": ["personalised goods", "a" * 300, "<b>bold</b>"],
    "carriers": [["dhl-germany"], ["custom:Kurier ☃"], ["ups", "dhl-express"], []],
    "methods": [["card"], ["invoice", "paypal"], ["custom:Barter ☃"], ["mail", "drop_off"]],
    "on_time_rate": [0, 1, 0.5],
    "postal_code": ["01067", "", "X" * 40],
    "vat_id": ["DE123456789", "x"],
    "url": ["https://x.example/a?b=c&d=<e>", "http://[::1]:8080/p", "https://ex.example/" + "p" * 300],
    "charged": ["at_order", "at_shipment", "after_delivery"],
    "due": [0, 14, "365 days after delivery"],
    "number": ["+49 40 1234567", "+1 900 555 0100", "+44 20 7946 0000"],
    "excluded": [[], [{"country": "DE", "region": "DE-BY"}], [{"country": "DE", "postal_codes": ["27498"]}]],
    "countries": [["DE"], ["DE", "AT"], []],
    "type": ["delivery", "collection_point"],
    "carrier_choice": [True, False],
    "tracking": [True, False],
    "delivery_options": [[], ["home", "same_day", "scheduled"]],
}  # fmt: skip
ODD_SCALARS: list[Any] = [
    1.5, 0.5, -0.0, 86399.9, 14, -1, 0, 10**30, 1e300, float("nan"), float("inf"), True, False, None,
    "", " ", "yes", "NO", "1e5", "٣", "2026-02-30", "9999-12-31", "0001-01-01", "14:00", "x" * 2000,
    "2026-12-24 10:00:00", [], {}, ["a"], {"a": 1},
]  # fmt: skip


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _key_of(path: tuple[Any, ...]) -> str | None:
    return next((part for part in reversed(path) if isinstance(part, str)), None)


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


def _mutate(data: Any, path: tuple[Any, ...], operation: str, choice: int) -> None:
    """Change `data` in place at `path`."""
    parent, last = _parent(data, path), path[-1]
    key = _key_of(path)
    if operation == "valid":
        options = VALID_BY_KEY.get(key or "", [])
        if options:
            parent[last] = copy.deepcopy(options[choice % len(options)])
    elif operation == "odd":
        parent[last] = copy.deepcopy(ODD_SCALARS[choice % len(ODD_SCALARS)])
    elif operation == "delete":
        del parent[last]
    elif operation == "unknown key" and isinstance(parent, dict):
        parent[f"extra_{choice % 7}"] = copy.deepcopy(parent[last])
    elif operation == "repeat item" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif operation == "wrap":
        parent[last] = [parent[last]] if choice % 2 else {"value": parent[last]}


def _dumped(data: Any, flow: bool | None, style: str | None, width: int, crlf: bool) -> bytes:
    text = yaml.dump(
        data,
        Dumper=yaml.CSafeDumper,
        default_flow_style=flow,
        default_style=style,
        width=width,
        allow_unicode=True,
        sort_keys=False,
    )
    return (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")


def dump_styles(quoted: bool) -> st.SearchStrategy[tuple[bool | None, str | None, int, bool]]:
    """How PyYAML writes the data: block or flow, line width, line ends; with `quoted`, every scalar in
    quotes too (which makes PyYAML tag the numbers and booleans: files the loader refuses)."""
    return st.tuples(
        st.sampled_from([False, False, None, True]),
        st.sampled_from([None, None, '"', "'"] if quoted else [None]),
        st.sampled_from([40, 80, 1000]),
        st.booleans(),
    )


@st.composite
def data_mutations(draw: st.DrawFn, operations: tuple[str, ...], quoted: bool = True) -> FuzzInput:
    index = draw(st.integers(0, len(EXAMPLE_DATA) - 1))
    data = copy.deepcopy(EXAMPLE_DATA[index])
    done = []
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        path = paths[draw(st.integers(0, len(paths) - 1))]
        operation = draw(st.sampled_from(operations))
        choice = draw(st.integers(0, 1000))
        try:
            _mutate(data, path, operation, choice)
        except (KeyError, IndexError, TypeError):
            continue
        done.append(f"{operation} {'.'.join(map(str, path))}")
    flow, style, width, crlf = draw(dump_styles(quoted))
    try:
        body = _dumped(data, flow, style, width, crlf)
    except (yaml.YAMLError, ValueError):
        body = EXAMPLE_TEXTS[index].encode("utf-8")
    return FuzzInput(body, f"example {index}: {'; '.join(done)}")


PIECES = [*":-[]{},#&*!|>'\"%@`?~\t", "  ", "\n", "\n  ", "- ", ": ", "---\n", "\r\n", "\x00", "\ufeff"]


@st.composite
def text_edits(draw: st.DrawFn) -> FuzzInput:
    index = draw(st.integers(0, len(EXAMPLE_TEXTS) - 1))
    text = EXAMPLE_TEXTS[index]
    done = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "repeat line", "indent"]))
        if kind == "insert":
            piece = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3)))
            text = text[:start] + piece + text[start:]
        elif kind == "delete":
            text = text[:start] + text[start + draw(st.integers(1, 40)) :]
        elif kind == "repeat line":
            lines = text.splitlines(keepends=True)
            lines.insert(start % (len(lines) + 1), lines[draw(st.integers(0, len(lines) - 1))])
            text = "".join(lines)
        else:
            line_start = text.rfind("\n", 0, start) + 1
            text = text[:line_start] + " " * draw(st.integers(1, 3)) + text[line_start:]
        done.append(f"{kind} at {start}")
    return FuzzInput(text.encode("utf-8"), f"example {index} text: {', '.join(done)}")


BASE = EXAMPLE_TEXTS[0]
HOSTILE: list[tuple[str, bytes]] = [
    ("alias bomb", ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )).encode()),
    ("python tag", b"shop: !!python/object/apply:os.system ['true']\n"),
    ("custom tag", b"shop: !include other.yaml\n"),
    ("deep nesting", ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode()),
    ("deep block nesting", "".join(f"{'  ' * i}k{i}:\n" for i in range(200)).encode()),
    ("huge scalar", b"shop:\n  name: " + b"x" * 900_000 + b"\n"),
    ("many keys", ("shop:\n" + "".join(f"  k{i}: {i}\n" for i in range(20_000))).encode()),
    ("many list items", ("closed: [" + ", ".join(["2026-12-24"] * 30_000) + "]\n").encode()),
    ("over the size limit", b"# " + b"x" * (1024 * 1024 + 10) + b"\n"),
    ("UTF-16", BASE.encode("utf-16")),
    ("Latin-1", BASE.replace("Hafenstraße", "Hafenstra\u00dfe").encode("latin-1", errors="replace")),
    ("NUL bytes", BASE.encode() + b"\x00\x00"),
    ("control characters", (b"shop:\n  name: a\x1bb\x07c\n")),
    ("lone surrogate escape", b'shop: {name: "\\ud800"}\n'),
    ("empty", b""),
    ("only comments", b"# nothing\n# here\n"),
    ("a list", b"- shop\n- shipping\n"),
    ("two documents", (BASE + "\n---\n" + BASE).encode()),
    ("merge key", b"a: &x {b: 1}\nc:\n  <<: *x\n"),
    ("complex key", b"? [a, b]\n: c\n"),
    ("long time zone", BASE.replace("Europe/Berlin", "A" * 5000).encode()),
    ("time zone path", BASE.replace("Europe/Berlin", "../../../../etc/passwd").encode()),
    ("long line", ("shop: {name: " + "x " * 200_000 + "}\n").encode()),
]  # fmt: skip
# Odd but valid: the same file read by other rules (YAML 1.1, a byte-order mark, old Mac line ends).
ODD_BUT_VALID: list[tuple[str, bytes]] = [
    ("a %YAML 1.1 directive", ("%YAML 1.1\n---\n" + BASE).encode()),
    ("BOM", ("\ufeff" + BASE).encode()),
    ("CR only", BASE.replace("\n", "\r").encode()),
    ("CRLF", BASE.replace("\n", "\r\n").encode()),
]


@st.composite
def scaled_hostile(draw: st.DrawFn) -> FuzzInput:
    """Smaller relatives of the hostile files, with drawn sizes (the full ones run once each, alone)."""
    kind = draw(st.sampled_from(["aliases", "nesting", "keys", "scalar", "tag", "controls", "zone"]))
    size = draw(st.integers(1, 60))
    if kind == "aliases":
        lines = ["a: &a [x, x]"] + [
            f"k{i}: &k{i} [*{'a' if i == 0 else f'k{i - 1}'}, *a]" for i in range(size % 9)
        ]
        body = "\n".join(lines) + "\n"
    elif kind == "nesting":
        body = "shop: " + "[" * size + "]" * size + "\n"
    elif kind == "keys":
        body = BASE + "".join(f"k{i}: {i}\n" for i in range(size * 20))
    elif kind == "scalar":
        body = BASE.replace("name: ", "name: " + "x" * (size * 1000), 1)
    elif kind == "tag":
        body = BASE.replace("currency: ", f"currency: !{'!' * (size % 3)}t{size} ", 1)
    elif kind == "controls":
        body = BASE.replace("Mode", "Mo" + chr(size % 32) + "de", 1)
    else:
        body = BASE.replace("Europe/Berlin", "Europe/" + "ä" * size * 5, 1)
    return FuzzInput(body.encode("utf-8"), f"hostile ({kind}, {size})")


MUTATIONS = ("valid", "valid", "odd", "delete", "unknown key", "repeat item", "wrap")


def fuzz_inputs() -> st.SearchStrategy[FuzzInput]:
    """Every kind of input, in the proportions the suite runs them."""
    return st.one_of(
        data_mutations(MUTATIONS),
        data_mutations(MUTATIONS),
        text_edits(),
        scaled_hostile(),
        clean_inputs(),
        clean_inputs(),
    )


def clean_inputs() -> st.SearchStrategy[FuzzInput]:
    """Inputs made of valid alternatives only: most validate clean, for the downstream stage."""
    return data_mutations(("valid",), quoted=False)
