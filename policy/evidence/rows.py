"""One row of an export, as raw text per field, checked and turned into records.

Checking is written by hand rather than with a model: an export has millions of rows, and each check
here is a few string operations. A row that fails raises RowError with a message naming the field and
the value; the caller reports it with the row's line number and carries on with the next.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from shopterms.policy.evidence.fields import FIELDS, STATUSES
from shopterms.policy.evidence.hashing import order_key, parcel_key
from shopterms.policy.evidence.mapping import Mapping
from shopterms.policy.evidence.privacy import looks_like_email, postal_prefix
from shopterms.policy.evidence.records import ParcelRecord, ReturnRecord, day_number, moment_us
from shopterms.policy.supported_dates import FIRST_DAY, LAST_DAY, RANGE_TEXT

INDEX = {name: position for position, name in enumerate(FIELDS)}
_ORDER, _PARCEL, _ORDERED, _SERVICE, _COUNTRY, _REGION, _POSTAL, _CARRIER, _STATUS = range(9)
_SHIPPED, _DELIVERED, _REQUESTED, _SENT, _RECEIVED, _REFUNDED = range(9, 15)
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}
_SUBDIVISION = re.compile(r"^[A-Z0-9]{1,3}$")
_SLUG_GAPS = re.compile(r"[^a-z0-9_:.-]+")
MAX_ID_LENGTH = 256
MAX_TEXT_LENGTH = 64

RawRow = list[str | None]
"""Text per field in the order of fields.FIELDS; None (or empty) when the export has no value."""


class RowError(ValueError):
    """A row that cannot be taken: the message names the field and what is wrong with its value."""


@cache
def country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


@dataclass(frozen=True, slots=True)
class Converted:
    """What one row says: its parcel's fields, and its return's if it names any."""

    parcel: ParcelRecord
    returned: ReturnRecord | None


def _slug(value: str) -> str:
    return _SLUG_GAPS.sub("-", value.strip().lower()).strip("-")


class RowConverter:
    """Turns raw rows into records under one mapping and one hashing key."""

    def __init__(self, mapping: Mapping, key: bytes) -> None:
        self.key = key
        self.zone = ZoneInfo(mapping.timezone) if mapping.timezone else None
        self.keep_postal = mapping.postal_prefix
        self.services = mapping.translation("service")
        self.carriers = mapping.translation("carrier")
        self.statuses = mapping.translation("status")
        self.countries = mapping.translation("country")
        self.regions = mapping.translation("region")

    def convert(self, raw: RawRow) -> Converted | None:
        """The row's records; None when it says nothing beyond its order and parcel (skipped)."""
        order_id = (raw[_ORDER] or "").strip()
        if not order_id:
            raise RowError("order_id is empty; every row needs the order it belongs to")
        if len(order_id) > MAX_ID_LENGTH:
            raise RowError(f"order_id is {len(order_id)} characters long; at most {MAX_ID_LENGTH} are taken")
        parcel = (raw[_PARCEL] or "").strip() or "1"
        if len(parcel) > MAX_ID_LENGTH:
            raise RowError(f"parcel is {len(parcel)} characters long; at most {MAX_ID_LENGTH} are taken")
        ordered = self._ordered(raw[_ORDERED])
        country = self._country(raw[_COUNTRY])
        region, country = self._region(raw[_REGION], country)
        days = [self._day(raw[index], index) for index in range(_SHIPPED, _REFUNDED + 1)]
        shipped, delivered, requested, sent, received, refunded = days
        status = self._status(raw[_STATUS], delivered)
        postal = raw[_POSTAL]
        parcel_fields = ParcelRecord(
            parcel_key(self.key, order_id, parcel),
            order_key(self.key, order_id),
            None if ordered is None else moment_us(ordered),
            self._text(raw[_SERVICE], "service", self.services),
            country,
            region,
            postal_prefix(postal, self.keep_postal) if postal else None,
            self._text(raw[_CARRIER], "carrier", self.carriers),
            status,
            shipped,
            delivered,
        )
        if ordered is not None:
            self._not_before(ordered, days)
        self._in_order(shipped, "shipped_at", delivered, "delivered_at")
        self._in_order(received, "return_received_at", refunded, None)
        has_return = any(day is not None for day in (requested, sent, received, refunded))
        keys = (parcel_fields.parcel_key, parcel_fields.order_key)
        returned = ReturnRecord(*keys, requested, sent, received, refunded) if has_return else None
        if (
            returned is None
            and all(value is None for value in (ordered, country, region, status, shipped, delivered))
            and parcel_fields.service is None
            and parcel_fields.carrier is None
            and not postal
        ):
            return None
        return Converted(parcel_fields, returned)

    def _ordered(self, text: str | None) -> dt.datetime | None:
        if not text or not (value := text.strip()):
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise RowError(
                f"ordered_at '{value}' is not an ISO 8601 date and time; write e.g. 2026-11-02T14:03:00+01:00"
            ) from None
        if len(value) <= 10:
            raise RowError(f"ordered_at '{value}' has no time of day; the cutoff decides by the hour")
        if moment.tzinfo is None:
            if self.zone is None:
                raise RowError(
                    f"ordered_at '{value}' has no UTC offset; write it with one (+01:00) or name the "
                    "export's time zone in the mapping (timezone: Europe/Berlin)"
                )
            moment = moment.replace(tzinfo=self.zone)
        if not FIRST_DAY <= moment.date() <= LAST_DAY:
            raise RowError(f"ordered_at {moment.date()} is outside the supported dates, {RANGE_TEXT}")
        return moment

    def _day(self, text: str | None, index: int) -> int | None:
        if not text or not (value := text.strip()):
            return None
        try:
            day = (
                dt.date.fromisoformat(value) if len(value) <= 10 else dt.datetime.fromisoformat(value).date()
            )
        except ValueError:
            raise RowError(
                f"{FIELDS[index]} '{value}' is not an ISO 8601 date or moment; write e.g. 2026-11-04"
            ) from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise RowError(f"{FIELDS[index]} {day} is outside the supported dates, {RANGE_TEXT}")
        return day_number(day)

    def _country(self, text: str | None) -> str | None:
        if not text or not (value := text.strip()):
            return None
        code = self.countries.get(value.lower(), value).upper()
        code = _COUNTRY_ALIASES.get(code, code)
        if code not in country_codes():
            raise RowError(
                f"country '{value}' is not an ISO 3166-1 alpha-2 code (DE, AT, …); translate the export's "
                "values under values.country in the mapping"
            )
        return code

    def _region(self, text: str | None, country: str | None) -> tuple[str | None, str | None]:
        if not text or not (value := text.strip()):
            return None, country
        code = self.regions.get(value.lower(), value).upper()
        prefix, dash, part = code.rpartition("-")
        if dash and len(prefix) == 2:
            if country is not None and prefix != country:
                raise RowError(f"region '{value}' lies in {prefix}, but the row's country is {country}")
            country = country or prefix
        else:
            part = code
        if country is None:
            raise RowError(f"region '{value}' needs its country: write it as DE-BY, or give the country")
        if not _SUBDIVISION.match(part):
            raise RowError(f"region '{value}' is not an ISO 3166-2 subdivision code such as DE-BY")
        return f"{country}-{part}", country

    def _status(self, text: str | None, delivered: int | None) -> str | None:
        if not text or not (value := text.strip()):
            return "delivered" if delivered is not None else None
        status = self.statuses.get(value.lower(), value.lower())
        if status not in STATUSES:
            raise RowError(
                f"status '{value}' is not one of {', '.join(STATUSES)}; translate the export's statuses "
                "under values.status in the mapping"
            )
        if delivered is not None and status != "delivered":
            raise RowError(f"status is {status}, but the row gives a delivery date")
        return status

    def _text(self, text: str | None, field: str, translation: dict[str, str]) -> str | None:
        if not text or not (value := text.strip()):
            return None
        if looks_like_email(value):
            raise RowError(f"{field} holds an e-mail address; personal data is never stored")
        slug = _slug(translation.get(value.lower(), value))
        if not slug or len(slug) > MAX_TEXT_LENGTH:
            raise RowError(f"{field} '{value[:80]}' is not an id of at most {MAX_TEXT_LENGTH} characters")
        return slug

    def _not_before(self, ordered: dt.datetime, days: list[int | None]) -> None:
        first = day_number(ordered.date()) - 1  # a day earlier: the order's zone and the event's may differ
        for index, day in zip(range(_SHIPPED, _REFUNDED + 1), days, strict=True):
            if day is not None and day < first:
                raise RowError(f"{FIELDS[index]} lies before ordered_at ({ordered.date()})")

    @staticmethod
    def _in_order(first: int | None, first_name: str, then: int | None, then_name: str | None) -> None:
        if first is not None and then is not None and then < first and then_name is not None:
            raise RowError(f"{then_name} lies before {first_name}")
