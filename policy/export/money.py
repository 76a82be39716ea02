"""Amounts in the units targets count in: micros (Merchant API) and ISO 4217 minor units (UCP)."""

from __future__ import annotations

from decimal import Decimal

MICROS = Decimal(1_000_000)
# ISO 4217 currencies whose minor unit is not 1/100; every other code has two decimals.
EXPONENT_BY_CURRENCY: dict[str, int] = {
    **dict.fromkeys(
        (
            "BIF",
            "CLP",
            "DJF",
            "GNF",
            "ISK",
            "JPY",
            "KMF",
            "KRW",
            "PYG",
            "RWF",
            "UGX",
            "UYI",
            "VND",
            "VUV",
            "XAF",
            "XOF",
            "XPF",
        ),
        0,
    ),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("CLF", "UYW"), 4),
}


def to_micros(value: Decimal) -> int:
    micros = value * MICROS
    if micros != micros.to_integral_value():
        raise ValueError(f"{value} has more than six decimals")
    return int(micros)


def from_micros(value: int | str) -> Decimal:
    return (Decimal(int(value)) / MICROS).normalize()


def to_minor(value: Decimal, currency: str) -> int | None:
    """The amount in minor units, or None when the currency cannot hold it exactly (4.95 JPY)."""
    minor = value.scaleb(EXPONENT_BY_CURRENCY.get(currency, 2))
    return int(minor) if minor == minor.to_integral_value() else None


def from_minor(value: int, currency: str) -> Decimal:
    return Decimal(value).scaleb(-EXPONENT_BY_CURRENCY.get(currency, 2)).normalize()
