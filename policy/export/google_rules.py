"""Field rules of the Google Merchant API v1 bodies the google export writes.

Source: the v1 protos in googleapis/googleapis, google/shopping/merchant/accounts/v1/
online_return_policy.proto (message OnlineReturnPolicy) and shippingsettings.proto (ShippingSettings,
Service, DeliveryTime, RateGroup, Table, Headers, Value), and google/shopping/type/types.proto (Price,
Weight); field comments there state the required fields and the rules checked here. JSON follows the
proto3 JSON mapping: lowerCamelCase names, enums as names, int64 values as decimal strings.
`python scripts/generate_export_schemas.py` publishes these rules as JSON Schemas in schemas/exports/.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Int64 = Annotated[str, StringConstraints(pattern=r"^-?\d+$")]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Weekday = Literal["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _exactly_one(model: BaseModel, names: tuple[str, ...]) -> None:
    given = [name for name in names if getattr(model, name) is not None]
    if len(given) != 1:
        raise ValueError(f"exactly one of {', '.join(names)} must be set, found {', '.join(given) or 'none'}")


class Price(Body):
    amountMicros: Int64
    currencyCode: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]


class Date(Body):
    """google.type.Date."""

    year: int = Field(ge=1, le=9999)
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month, self.day)

    @model_validator(mode="after")
    def _real_day(self) -> Date:
        self.as_date()
        return self


class ReturnPolicyType(Body):
    type: Literal["NUMBER_OF_DAYS_AFTER_DELIVERY", "NO_RETURNS", "LIFETIME_RETURNS"]
    days: Int64 | None = None

    @model_validator(mode="after")
    def _days_when_counted(self) -> ReturnPolicyType:
        if (self.type == "NUMBER_OF_DAYS_AFTER_DELIVERY") != (self.days is not None):
            raise ValueError("days is required for NUMBER_OF_DAYS_AFTER_DELIVERY and only there")
        return self


class SeasonalOverride(Body):
    label: Annotated[str, StringConstraints(min_length=1)]
    startDate: Date
    endDate: Date
    returnDays: int | None = Field(default=None, ge=0, le=2**31 - 1)
    returnUntilDate: Date | None = None

    @model_validator(mode="after")
    def _one_window(self) -> SeasonalOverride:
        _exactly_one(self, ("returnDays", "returnUntilDate"))
        if self.startDate.as_date() > self.endDate.as_date():
            raise ValueError("startDate lies after endDate")
        return self


class RestockingFee(Body):
    fixedFee: Price | None = None
    microPercent: int | None = Field(default=None, ge=0, le=2**31 - 1)

    @model_validator(mode="after")
    def _oneof(self) -> RestockingFee:
        _exactly_one(self, ("fixedFee", "microPercent"))
        return self


class ReturnShippingFee(Body):
    type: Literal["FIXED", "CUSTOMER_PAYING_ACTUAL_FEE"]
    fixedFee: Price | None = None

    @model_validator(mode="after")
    def _fee_when_fixed(self) -> ReturnShippingFee:
        if self.fixedFee is not None and self.type != "FIXED":
            raise ValueError("fixedFee applies only to type FIXED")
        return self


class OnlineReturnPolicy(Body):
    """Body of accounts.onlineReturnPolicies.create."""

    label: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    countries: list[Country] = Field(min_length=1)
    policy: ReturnPolicyType | None = None
    seasonalOverrides: list[SeasonalOverride] = Field(default_factory=list)
    restockingFee: RestockingFee | None = None
    returnMethods: list[Literal["BY_MAIL", "IN_STORE", "AT_A_KIOSK"]] = Field(default_factory=list)
    itemConditions: list[Literal["NEW", "USED"]] = Field(default_factory=list)
    returnShippingFee: ReturnShippingFee | None = None
    returnPolicyUri: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    acceptDefectiveOnly: bool | None = None
    processRefundDays: int | None = Field(default=None, ge=0, le=2**31 - 1)
    acceptExchange: bool | None = None
    returnLabelSource: Literal["DOWNLOAD_AND_PRINT", "IN_THE_PACKAGE", "CUSTOMER_RESPONSIBILITY"] | None = (
        None
    )

    @model_validator(mode="after")
    def _returnable_needs_methods(self) -> OnlineReturnPolicy:
        returnable = self.policy is not None and self.policy.type != "NO_RETURNS"
        if returnable and (not self.returnMethods or not self.itemConditions):
            raise ValueError("returnMethods and itemConditions may be empty only for NO_RETURNS")
        spans = sorted((o.startDate.as_date(), o.endDate.as_date()) for o in self.seasonalOverrides)
        if any(later[0] <= earlier[1] for earlier, later in itertools.pairwise(spans)):
            raise ValueError("seasonal overrides must not overlap")
        return self


class CutoffTime(Body):
    hour: int = Field(ge=0, le=23)
    minute: int = Field(ge=0, le=59)
    timeZone: Annotated[str, StringConstraints(min_length=1)]


class BusinessDayConfig(Body):
    businessDays: list[Weekday] = Field(min_length=1)


class DeliveryTime(Body):
    minTransitDays: int | None = Field(default=None, ge=0)
    maxTransitDays: int | None = Field(default=None, ge=0)
    cutoffTime: CutoffTime | None = None
    minHandlingDays: int | None = Field(default=None, ge=0)
    maxHandlingDays: int | None = Field(default=None, ge=0)
    handlingBusinessDayConfig: BusinessDayConfig | None = None
    transitBusinessDayConfig: BusinessDayConfig | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DeliveryTime:
        for low, high in (("minTransitDays", "maxTransitDays"), ("minHandlingDays", "maxHandlingDays")):
            a, b = getattr(self, low), getattr(self, high)
            if (a is None) != (b is None):
                raise ValueError(f"{low} and {high} are set together or not at all")
            if a is not None and b < a:
                raise ValueError(f"{high} is smaller than {low}")
        if self.minTransitDays is None:
            raise ValueError("transit days are required (no transit time table is written)")
        return self


class Weight(Body):
    amountMicros: Int64
    unit: Literal["KILOGRAM", "POUND"]


class Headers(Body):
    prices: list[Price] | None = None
    weights: list[Weight] | None = None
    numberOfItems: list[Annotated[str, StringConstraints(pattern=r"^(\d+|infinity)$")]] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Headers:
        _exactly_one(self, ("prices", "weights", "numberOfItems"))
        bounds = [int(b.amountMicros) for b in (self.prices or self.weights or [])]
        if any(b <= 0 and not (b == -1 and i == len(bounds) - 1) for i, b in enumerate(bounds)):
            raise ValueError("header bounds must be positive; only the last may be -1 (no upper bound)")
        return self

    def size(self) -> int:
        return len(self.prices or self.weights or self.numberOfItems or [])


class Value(Body):
    noShipping: Literal[True] | None = None
    flatRate: Price | None = None

    @model_validator(mode="after")
    def _one_value(self) -> Value:
        _exactly_one(self, ("noShipping", "flatRate"))
        return self


class Row(Body):
    cells: list[Value] = Field(min_length=1)


class Table(Body):
    rowHeaders: Headers
    columnHeaders: Headers | None = None
    rows: list[Row]

    @model_validator(mode="after")
    def _shape(self) -> Table:
        width = self.columnHeaders.size() if self.columnHeaders else 1
        if len(self.rows) != self.rowHeaders.size() or any(len(row.cells) != width for row in self.rows):
            raise ValueError("the rows do not match the headers")
        return self


class RateGroup(Body):
    applicableShippingLabels: list[str]
    singleValue: Value | None = None
    mainTable: Table | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> RateGroup:
        _exactly_one(self, ("singleValue", "mainTable"))
        return self


class Service(Body):
    serviceName: Annotated[str, StringConstraints(min_length=1)]
    active: bool
    deliveryCountries: list[Country] = Field(min_length=1)
    currencyCode: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    deliveryTime: DeliveryTime
    rateGroups: list[RateGroup] = Field(min_length=1)
    shipmentType: Literal["DELIVERY", "LOCAL_DELIVERY", "COLLECTION_POINT"]

    @model_validator(mode="after")
    def _labels(self) -> Service:
        if any(not group.applicableShippingLabels for group in self.rateGroups[:-1]):
            raise ValueError("only the last rate group may apply to every shipping label")
        return self


class ShippingSettings(Body):
    """Body of accounts.shippingSettings.insert (etag: empty for the first insert, else from a get)."""

    services: list[Service]
    etag: str

    @model_validator(mode="after")
    def _unique_names(self) -> ShippingSettings:
        names = [service.serviceName for service in self.services]
        if len(set(names)) != len(names):
            raise ValueError("service names must be unique within the account")
        return self


class GoogleExport(Body):
    """What `shopterms export --to google` writes: request bodies for the two Merchant API resources."""

    onlineReturnPolicies: list[OnlineReturnPolicy]
    shippingSettings: ShippingSettings | None = None
