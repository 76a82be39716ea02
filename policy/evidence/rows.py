"""One row of an export, as raw text per field, checked and turned into records.

Checking is written by hand rather than with a model: an export has millions of rows, and each check
here is a few string operations. A row that fails raises RowError with a message naming the field and
the value; the caller reports it with the row's line number and carries on with the next.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from shopterms.policy.evidence.fields import FIELDS, STATUSES
from shopterms.policy.evidence.hashing import KeyedHashes
from shopterms.policy.evidence.mapping import Mapping
from shopterms.policy.evidence.privacy import looks_like_email, postal_prefix
from shopterms.policy.evidence.records import EPOCH_ORDINAL, ParcelRecord, ReturnRecord, day_number, moment_us
from shopterms.policy.evidence.remembered import remembered
from shopterms.policy.supported_dates import FIRST_DAY, LAST_DAY, RANGE_TEXT

INDEX = {name: position for position, name in enumerate(FIELDS)}
_ORDER, _PARCEL, _ORDERED, _SERVICE, _COUNTRY, _REGION, _POSTAL, _CARRIER, _STATUS = range(9)
_DAY_INDEXES = range(9, 15)  # shipped_at, delivered_at, return_requested_at, … refunded_at
_FIRST_NUMBER, _LAST_NUMBER = day_number(FIRST_DAY), day_number(LAST_DAY)
_PLAIN_DAY = dt.date(2000, 1, 1)
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}
_SUBDIVISION = re.compile(r"^[A-Z0-9]{1,3}$")
_SLUG_GAPS = re.compile(r"[^a-z0-9_:.-]+")
MAX_ID_LENGTH = 256
MAX_TEXT_LENGTH = 64

RawRow = Sequence[str | None]
"""Text per field in the order of fields.FIELDS; None (or empty) when the export has no value."""


class RowError(ValueError):
    """A row that cannot be taken: the message names the field and what is wrong with its value."""


@cache
def country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_2 for country in pycountry.countries)


class Converted(NamedTuple):
    """What one row says: its parcel's fields, and its return's if it names any."""

    parcel: ParcelRecord
    returned: ReturnRecord | None


def _slug(value: str) -> str:
    return _SLUG_GAPS.sub("-", value.strip().lower()).strip("-")


class RowConverter:
    """Turns raw rows into records under one mapping and one hashing key.

    Every value is checked on every row, but the answer for a value seen before is remembered (see
    `remembered`): an export names the same few services, carriers, countries and regions a million
    times, and each check would otherwise cost more than writing the row.
    """

    def __init__(self, mapping: Mapping, key: bytes) -> None:
        self.hashes = KeyedHashes(key)
        self.zone = ZoneInfo(mapping.timezone) if mapping.timezone else None
        self.keep_postal = mapping.postal_prefix
        self.services = mapping.translation("service")
        self.carriers = mapping.translation("carrier")
        self.statuses = mapping.translation("status")
        self.countries = mapping.translation("country")
        self.regions = mapping.translation("region")
        self._service = remembered(self._service_id)
        self._carrier = remembered(self._carrier_id)
        self._country = remembered(self._country_code)
        self._region = remembered(self._region_code)
        self._status = remembered(self._status_of)
        self._postal = remembered(self._postal_prefix)
        self._date_number = remembered(_date_number)
        self._time_part = remembered(_plain_time_part)

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
        text = raw[_ORDERED]
        ordered = self._ordered(text) if text else None
        text = raw[_COUNTRY]
        country = self._country(text) if text else None
        text = raw[_REGION]
        region, country = self._region((text, country)) if text else (None, country)
        days = [self._day(raw[index], index) if raw[index] else None for index in _DAY_INDEXES]
        shipped, delivered, requested, sent, received, refunded = days
        text = raw[_STATUS]
        status = self._status((text, delivered is not None)) if text else None
        if status is None and delivered is not None:
            status = "delivered"
        text = raw[_SERVICE]
        service = self._service(text) if text else None
        text = raw[_POSTAL]
        postal = self._postal(text) if text else None
        text = raw[_CARRIER]
        carrier = self._carrier(text) if text else None
        if ordered is not None:
            _not_before(ordered, days)
        if shipped is not None and delivered is not None and delivered < shipped:
            raise RowError("delivered_at lies before shipped_at")
        parcel_key_ = self.hashes.parcel_key(order_id, parcel)
        order_key_ = self.hashes.order_key(order_id)
        returned = None
        if requested is not None or sent is not None or received is not None or refunded is not None:
            returned = ReturnRecord(parcel_key_, order_key_, requested, sent, received, refunded)
        elif (
            ordered is None
            and country is None
            and status is None
            and shipped is None
            and service is None
            and carrier is None
            and not (raw[_POSTAL] or "").strip()
        ):
            return None
        return Converted(
            ParcelRecord(
                parcel_key_,
                order_key_,
                None if ordered is None else moment_us(ordered),
                service,
                country,
                region,
                postal,
                carrier,
                status,
                shipped,
                delivered,
            ),
            returned,
        )

    def _ordered(self, text: str) -> dt.datetime | None:
        if not (value := text.strip()):
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
        value = text.strip() if text else ""
        # A moment's day is the date it was written with: its date part and its time part are checked
        # apart, each remembered (a few hundred days, a few thousand times of day), when the date part
        # is the usual YYYY-MM-DD; anything else is read whole.
        if len(value) > 10 and value[4] == "-" and value[7] == "-":
            number = self._date_number(value[:10])
            if number is not None and self._time_part(value[10:]):
                return number
        return self._day_number(value, index)

    @staticmethod
    def _day_number(value: str, index: int) -> int | None:
        if not value:
            return None
        try:
            day = (
                dt.date.fromisoformat(value) if len(value) <= 10 else dt.datetime.fromisoformat(value).date()
            )
        except ValueError:
            raise RowError(
                f"{FIELDS[index]} '{value}' is not an ISO 8601 date or moment; write e.g. 2026-11-04"
            ) from None
        number = day.toordinal() - EPOCH_ORDINAL
        if not _FIRST_NUMBER <= number <= _LAST_NUMBER:
            raise RowError(f"{FIELDS[index]} {day} is outside the supported dates, {RANGE_TEXT}")
        return number

    def _country_code(self, text: str) -> str | None:
        if not (value := text.strip()):
            return None
        code = self.countries.get(value.lower(), value).upper()
        code = _COUNTRY_ALIASES.get(code, code)
        if code not in country_codes():
            raise RowError(
                f"country '{value}' is not an ISO 3166-1 alpha-2 code (DE, AT, …); translate the export's "
                "values under values.country in the mapping"
            )
        return code

    def _region_code(self, given: tuple[str, str | None]) -> tuple[str | None, str | None]:
        text, country = given
        if not (value := text.strip()):
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

    def _status_of(self, given: tuple[str, bool]) -> str | None:
        text, delivered = given
        if not (value := text.strip()):
            return None
        status = self.statuses.get(value.lower(), value.lower())
        if status not in STATUSES:
            raise RowError(
                f"status '{value}' is not one of {', '.join(STATUSES)}; translate the export's statuses "
                "under values.status in the mapping"
            )
        if delivered and status != "delivered":
            raise RowError(f"status is {status}, but the row gives a delivery date")
        return status

    def _service_id(self, text: str) -> str | None:
        return self._text(text, "service", self.services)

    def _carrier_id(self, text: str) -> str | None:
        return self._text(text, "carrier", self.carriers)

    def _postal_prefix(self, text: str) -> str | None:
        return postal_prefix(text, self.keep_postal)

    @staticmethod
    def _text(text: str, field: str, translation: dict[str, str]) -> str | None:
        if not (value := text.strip()):
            return None
        if looks_like_email(value):
            raise RowError(f"{field} holds an e-mail address; personal data is never stored")
        slug = _slug(translation.get(value.lower(), value))
        if not slug or len(slug) > MAX_TEXT_LENGTH:
            raise RowError(f"{field} '{value[:80]}' is not an id of at most {MAX_TEXT_LENGTH} characters")
        return slug


def _not_before(ordered: dt.datetime, days: list[int | None]) -> None:
    # A day earlier: the order's zone and the event's may differ.
    first = ordered.toordinal() - EPOCH_ORDINAL - 1
    for index, day in zip(_DAY_INDEXES, days, strict=True):
        if day is not None and day < first:
            raise RowError(f"{FIELDS[index]} lies before ordered_at ({ordered.date()})")


def _date_number(text: str) -> int | None:
    """Days since 1970 of a YYYY-MM-DD date; None when it is no date or outside the supported dates."""
    try:
        number = dt.date.fromisoformat(text).toordinal() - EPOCH_ORDINAL
    except ValueError:
        return None
    return number if _FIRST_NUMBER <= number <= _LAST_NUMBER else None


def _plain_time_part(rest: str) -> bool:
    """Whether `rest`, after a date, is a time (and offset) that leaves the date as written."""
    try:
        return dt.datetime.fromisoformat(f"2000-01-01{rest}").date() == _PLAIN_DAY
    except ValueError:
        return False
