"""The whole catalogue of diagnostic codes, as `shopterms explain` and docs/rules.md present it.

The loader's codes live in `shopterms.policy.codes`; a check registers its codes in a module named
`shopterms.validators.codes_<name>` (found here by that name), and the policy rules register theirs when
`shopterms.validators.rules.registry` is imported.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import pkgutil
import re

from shopterms import validators
from shopterms.policy.codes import CODES_BY_ID, docs_anchor
from shopterms.policy.diagnostics import CodeInfo

# Families shown first, in this order; any other family follows alphabetically.
FAMILY_TITLES: dict[str, str] = {
    "YAML": "Reading the file",
    "SCHEMA": "Shape of the policy",
    "DRAFT": "Drafts from shopterms init",
    "SHIP": "Shipping plausibility (pack core)",
    "RET": "Returns plausibility (pack core)",
    "PAY": "Payment plausibility (pack core)",
    "SUP": "Support plausibility (pack core)",
    "LEG": "Identity, codes and links (pack core)",
    "EU": "European Union consumer law (pack eu)",
    "DE": "German law (pack de)",
    "UK": "United Kingdom consumer law (pack uk)",
    "US": "United States rules (pack us)",
    "PAGE": "Live pages (shopterms check)",
    "EVID": "Measured performance (shopterms validate --evidence)",
}
_FAMILY = re.compile(r"^[A-Z]+")
# Modules whose import registers the codes of the policy rules (each rule declares its own entry).
RULE_REGISTRIES = ("shopterms.validators.rules.registry",)


def load_catalogue() -> dict[str, CodeInfo]:
    """Every registered code, after importing every module that registers codes."""
    for module in pkgutil.iter_modules(validators.__path__):
        if module.name.startswith("codes_"):
            importlib.import_module(f"{validators.__name__}.{module.name}")
    for name in RULE_REGISTRIES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    return dict(sorted(CODES_BY_ID.items(), key=lambda item: _order(item[0])))


def family(code: str) -> str:
    match = _FAMILY.match(code)
    return match.group(0) if match else code


def _order(code: str) -> tuple[int, str, str]:
    name = family(code)
    known = list(FAMILY_TITLES)
    return (known.index(name) if name in known else len(known), name, code)


def lookup(text: str, catalogue: dict[str, CodeInfo]) -> CodeInfo | None:
    """A code by its id (any case) or its name (`unknown-key`)."""
    wanted = text.strip()
    by_id = {code.upper(): info for code, info in catalogue.items()}
    if wanted.upper() in by_id:
        return by_id[wanted.upper()]
    return next((info for info in catalogue.values() if info.name == wanted.lower()), None)


def suggest(text: str, catalogue: dict[str, CodeInfo]) -> list[str]:
    """Up to three codes or names close to `text` (SCHEMA01 is as near SCHEMA001 as SCHEMA010)."""
    names = [*catalogue, *(info.name for info in catalogue.values())]
    close = difflib.get_close_matches(text.strip(), names, n=3, cutoff=0.6)
    return close or difflib.get_close_matches(text.strip().upper(), list(catalogue), n=3, cutoff=0.6)


def describe(info: CodeInfo, level: int = 1) -> str:
    """One entry as Markdown: what it checks, why it matters, an example and what to write instead."""
    heading, section = "#" * level, "#" * (level + 1)
    parts = [
        f"{heading} {info.code} {info.name}",
        f"Severity: {info.severity}. Packs: {', '.join(info.packs)}.",
        f"{section} What it checks\n\n{info.summary}",
        f"{section} Why it matters\n\n{info.why}",
    ]
    if info.example:
        parts.append(f"{section} Example\n\n{_block(info.example)}")
    if info.instead:
        parts.append(f"{section} Use instead\n\n{_block(info.instead)}")
    return "\n\n".join(parts) + "\n"


def _block(text: str) -> str:
    if text.startswith("(") or (text[:1].isupper() and "\n" not in text):
        return text  # prose, not something to type
    language = "console" if text.startswith("shopterms ") else "json" if text.startswith('{"') else "yaml"
    return f"```{language}\n{text}\n```"


def rules_markdown(catalogue: dict[str, CodeInfo]) -> str:
    """docs/rules.md: an index table, then every entry grouped by family."""
    lines = [
        "# Diagnostic codes",
        "",
        "<!-- Generated from the catalogue by `python scripts/generate_rules_doc.py`; do not edit. -->",
        "",
        "Every finding of `shopterms validate` carries one of these codes. Codes are stable: they are never",
        "renumbered or reused. `shopterms explain CODE` prints the same entry in the terminal.",
        "",
        "| Code | Name | Severity | What it checks |",
        "|---|---|---|---|",
    ]
    for info in catalogue.values():
        summary = info.summary.replace("|", "\\|")
        lines.append(f"| [{info.code}](#{docs_anchor(info)}) | {info.name} | {info.severity} | {summary} |")
    current = None
    for info in catalogue.values():
        if family(info.code) != current:
            current = family(info.code)
            title = FAMILY_TITLES.get(current)
            lines += ["", f"## {current}: {title}" if title else f"## {current}"]
        lines += ["", describe(info, level=3).rstrip("\n")]
    return "\n".join(lines) + "\n"
