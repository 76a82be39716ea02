"""Value types shared by every section: codes, ranges, amounts, durations.

Each type accepts the friendly shorthand (see `policy.shorthand`) as well as its structured form;
`json_schema_input_type` makes the published JSON Schema describe what a merchant may write, while the
model itself always holds the canonical form.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from shopterms.policy import shorthand
from shopterms.policy.model import inputs
from shopterms.policy.model.scalars import CalendarDate, DayCount


class Strict(BaseModel):
    """Base of every section: unknown keys are errors (typos must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _upper(value: Any) -> Any:
    # ASCII only: "ß".upper() is "SS", which would turn a stray letter into a country code.
    return value.upper() if isinstance(value, str) and value.isascii() else value


CountryCode = Annotated[
    str,
    BeforeValidator(_upper, json_schema_input_type=inputs.CountryText),
    StringConstraints(pattern=r"^[A-Z]{2}$"),
    Field(description="ISO 3166-1 alpha-2 country code, e.g. DE.", examples=["DE"]),
]
SubdivisionCode = Annotated[
    str,
    BeforeValidator(_upper, json_schema_input_type=inputs.SubdivisionText),
    StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$"),
    Field(description="ISO 3166-2 subdivision code, e.g. DE-BY for Bavaria.", examples=["DE-BY"]),
]
CurrencyCode = Annotated[
    str,
    BeforeValidator(_upper, json_schema_input_type=inputs.CurrencyText),
    StringConstraints(pattern=r"^[A-Z]{3}$"),
    Field(description="ISO 4217 currency code, e.g. EUR.", examples=["EUR"]),
]
LanguageTag = Annotated[
    str,
    StringConstraints(pattern=r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"),
    Field(description="BCP 47 language tag, e.g. de or en-GB.", examples=["de"]),
]
HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$"),
    Field(
        description="An absolute web address, e.g. https://shop.example/returns.",
        examples=["https://shop.example"],
    ),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="Lower-case identifier: letters, digits, - and _.", examples=["standard"]),
]

# Money amounts stay exact (Decimal) inside, and travel as JSON numbers: agents compare them as numbers.
# The bounds sit before the parser so they constrain the Decimal, not the schema of what may be written.
Amount = Annotated[
    Decimal,
    Field(ge=0, max_digits=12, decimal_places=2),
    BeforeValidator(shorthand.amount, json_schema_input_type=inputs.AmountNumber | inputs.AmountText),
    Field(description="An amount in the shop currency, e.g. 4.95."),
    PlainSerializer(float, return_type=float, when_used="json"),
]
Percent = Annotated[
    Decimal,
    Field(ge=0, le=100),
    BeforeValidator(shorthand.percent, json_schema_input_type=inputs.PercentNumber | inputs.PercentText),
    Field(description="A percentage, written 10% or 10."),
    PlainSerializer(float, return_type=float, when_used="json"),
]
ClockTime = Annotated[
    dt.time,
    BeforeValidator(shorthand.clock_time, json_schema_input_type=inputs.ClockText),
    Field(description='Local time of day in 24-hour form, written in quotes: "14:00".', examples=["14:00"]),
    # JSON Schema's "time" format demands a UTC offset; ours is local wall-clock time in the shop's zone.
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$",
            "description": "Local time of day, HH:MM:SS.",
        },
        mode="serialization",
    ),
]
Duration = Annotated[
    dt.timedelta,
    BeforeValidator(shorthand.duration, json_schema_input_type=inputs.DurationText),
    Field(description="A duration such as '24 hours', '2 days' or '30 minutes' (ISO 8601 also accepted)."),
]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class DayRange(Strict):
    """A number of days from `min` to `max` (both inclusive)."""

    min: DayCount = Field(description="Fewest days, from 0 to 365.")
    max: DayCount = Field(description="Most days, from 0 to 365.")

    @model_validator(mode="after")
    def _ordered(self) -> DayRange:
        if self.min > self.max:
            raise ValueError(
                f"the range starts at {self.min} but ends at {self.max}; write the smaller number first"
            )
        return self


Days = Annotated[
    DayRange,
    BeforeValidator(
        shorthand.day_range, json_schema_input_type=inputs.DayCount | inputs.DayRangeText | DayRange
    ),
    Field(description="Days as a number (2), a range ('1-3') or {min, max}."),
]


class DateRange(Strict):
    """Calendar days from `start` to `end`, both inclusive."""

    start: CalendarDate = Field(description="First day (ISO date).")
    end: CalendarDate = Field(description="Last day (ISO date), inclusive.")

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.start > self.end:
            raise ValueError(
                f"the range starts on {self.start} but ends on {self.end}; the end must not come first"
            )
        return self

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


Dates = Annotated[
    DateRange,
    BeforeValidator(shorthand.date_range, json_schema_input_type=inputs.DateRangeText | DateRange),
    Field(
        description="A date (2026-12-24) or an inclusive range written START..END (2026-12-24..2027-01-01)."
    ),
]


def _distinct(values: list[Any]) -> list[Any]:
    duplicates = sorted({str(value) for value in values if values.count(value) > 1})
    if duplicates:
        raise ValueError(f"{', '.join(duplicates)} appears more than once")
    return values


Weekdays = Annotated[
    list[Weekday],
    BeforeValidator(
        shorthand.weekdays, json_schema_input_type=inputs.WeekdaysText | list[inputs.WeekdayText]
    ),
    AfterValidator(_distinct),
    Field(description="Weekdays as a range ('Mon-Fri'), a list ('Mon, Wed, Fri') or a YAML list."),
]


class Destination(Strict):
    """Where a service delivers: a country, optionally narrowed to a subdivision or postal-code prefixes."""

    country: CountryCode
    region: SubdivisionCode | None = Field(
        default=None, description="ISO 3166-2 subdivision within the country, e.g. DE-BY."
    )
    postal_codes: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 -]{1,10}\*?$")]] = Field(
        default_factory=list,
        description="Postal codes or prefixes ending in * (e.g. '80*'); empty means the whole area.",
    )

    @model_validator(mode="after")
    def _region_in_country(self) -> Destination:
        if self.region and not self.region.startswith(self.country + "-"):
            raise ValueError(f"region {self.region} does not lie in country {self.country}")
        return self

    def label(self) -> str:
        return self.region or self.country


def _destination(value: Any) -> Any:
    if isinstance(value, str) and not value.isascii():
        return {"country": value}  # refused there as no country code, in the code's own words
    if isinstance(value, str):
        code = value.strip().upper()
        if "-" in code:
            return {"country": code.split("-", 1)[0], "region": code}
        return {"country": code}
    return value


DestinationSpec = Annotated[
    Destination,
    BeforeValidator(_destination, json_schema_input_type=inputs.DestinationText | Destination),
    Field(description="A country (DE), a subdivision (DE-BY) or {country, region, postal_codes}."),
]
