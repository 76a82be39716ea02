"""What shipment records never keep: names, streets, e-mail addresses, phone numbers, clear order ids.

A column whose name looks like personal data must be declared under `ignore:` in the mapping (or be
mapped to a field, as the order number is, which is hashed): otherwise the whole file is refused before
a single row is read, so a new export with an extra column never slips personal data past the merchant.
Of a postal code only the first characters are kept (at most three).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

# Words that mark a column as personal data, matched against the column name in lower case with every
# run of non-letters read as one space ("Shipping Address1" → "shipping address").
_PERSONAL_WORDS: Final = (
    r"e ?mail",
    r"phone",
    r"telephone",
    r"mobile",
    r"fax",
    r"street",
    r"address",
    r"addr",
    r"house ?number",
    r"city",
    r"town",
    r"company",
    r"recipient",
    r"customer",
    r"buyer",
    r"contact",
    r"first ?name",
    r"last ?name",
    r"full ?name",
    r"surname",
    r"signature",
    r"signed by",
    r"notes?",
    r"note attributes",
    r"ip",
    r"browser ip",
    r"device id",
    r"birth ?(?:day|date)",
    r"iban",
    r"card",
)
# "Name" alone, or a person's name by its role ("Billing Name", "Shipping Name"); not "Lineitem name".
_NAME_ROLES: Final = r"^(?:(?:billing|shipping|delivery|invoice|ship to|bill to) )?name$"
_PERSONAL = re.compile(rf"\b(?:{'|'.join(_PERSONAL_WORDS)})\b|{_NAME_ROLES}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _words(column: str) -> str:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", column)  # shippingAddress → shipping Address
    return " ".join(re.sub(r"[^a-z]+", " ", spaced.lower()).split())


def looks_personal(column: str) -> bool:
    """Whether a column name suggests personal data (a name, street, e-mail, phone, …)."""
    return bool(_PERSONAL.search(_words(column)))


def personal_columns(columns: Iterable[str], used: Iterable[str], ignored: Iterable[str]) -> list[str]:
    """Columns that look personal and are neither mapped to a field nor declared ignored."""
    declared = {name.strip().lower() for name in [*used, *ignored]}
    return [name for name in columns if looks_personal(name) and name.strip().lower() not in declared]


def looks_like_email(value: str) -> bool:
    return "@" in value and bool(_EMAIL.search(value))


def postal_prefix(code: str, keep: int) -> str | None:
    """The first `keep` (at most 3) letters and digits of a postal code, upper case; None when empty."""
    compact = "".join(character for character in code if character.isalnum()).upper()
    return compact[: min(keep, 3)] or None
