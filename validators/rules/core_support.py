"""Core plausibility of the support section (SUP###): numbers, addresses and opening hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from shopterms.policy.diagnostics import CodeInfo, YamlPath
from shopterms.policy.model import SupportChannel
from shopterms.validators.rules.rule import Finding, Rule, RuleInput, collect

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

RULES: list[Rule] = []
rule = collect(RULES, "core")

NUMBER_CHANNELS = ("phone", "sms", "whatsapp")


def _channels(given: RuleInput) -> Iterator[tuple[YamlPath, SupportChannel]]:
    if given.policy.support is not None:
        for index, channel in enumerate(given.policy.support.channels):
            yield ("support", "channels", index), channel


def phone_numbers(given: RuleInput) -> Iterator[tuple[YamlPath, SupportChannel, PhoneNumber | None]]:
    """Each number channel with its parsed number (None when it cannot be parsed or is not valid)."""
    import phonenumbers

    for path, channel in _channels(given):
        if channel.type not in NUMBER_CHANNELS or channel.number is None:
            continue
        try:
            number = phonenumbers.parse(channel.number, given.policy.shop.country)
        except phonenumbers.NumberParseException:
            yield path, channel, None
            continue
        yield path, channel, number if phonenumbers.is_valid_number(number) else None


@rule(
    CodeInfo(
        code="SUP001",
        name="invalid-phone-number",
        severity="error",
        summary="A phone, SMS or WhatsApp number is not a valid number.",
        why="Buyers and agents dial or message the number as written; a wrong digit count reaches nobody.",
        example='{type: phone, number: "+49 40 12"}',
        instead='{type: phone, number: "+49 40 1234567"}',
    )
)
def invalid_phone_number(given: RuleInput) -> Iterator[Finding]:
    for path, channel, number in phone_numbers(given):
        if number is None:
            yield Finding(
                (*path, "number"),
                f"{channel.number} is not a valid phone number",
                hint="write the full number with country code, e.g. +49 40 1234567",
            )


@rule(
    CodeInfo(
        code="SUP002",
        name="phone-without-country-code",
        severity="warning",
        summary="A number is written without its international country code.",
        why="Buyers abroad and agents cannot dial 040 1234567; +49 40 1234567 works from everywhere.",
        example='{type: phone, number: "040 1234567"}',
        instead='{type: phone, number: "+49 40 1234567"}',
    )
)
def phone_without_country_code(given: RuleInput) -> Iterator[Finding]:
    import phonenumbers

    for path, channel, number in phone_numbers(given):
        if number is not None and not (channel.number or "").lstrip().startswith("+"):
            shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            yield Finding(
                (*path, "number"),
                f"{channel.number} has no country code",
                hint=f"write {shown}",
            )


@rule(
    CodeInfo(
        code="SUP003",
        name="invalid-email-address",
        severity="error",
        summary="An e-mail address is not written as a valid address.",
        why="Mail to a malformed address bounces; buyers and agents take the address as it stands.",
        example="{type: email, address: service@nordlicht-mode}",
        instead="{type: email, address: service@nordlicht-mode.example}",
    )
)
def invalid_email_address(given: RuleInput) -> Iterator[Finding]:
    from email_validator import EmailNotValidError, validate_email

    for path, channel in _channels(given):
        if channel.type != "email" or channel.address is None:
            continue
        try:
            validate_email(channel.address, check_deliverability=False)
        except EmailNotValidError as error:
            yield Finding(
                (*path, "address"),
                f"{channel.address} is not a valid e-mail address",
                hint="write the address as name@domain, e.g. service@shop.example",
                detail=str(error),
            )


@rule(
    CodeInfo(
        code="SUP004",
        name="messaging-number-not-mobile",
        severity="warning",
        summary="A WhatsApp or SMS channel uses a landline number.",
        why="Text messages and WhatsApp need a mobile (or a number registered for messaging); a landline "
        "number usually means the phone number was copied into the wrong channel.",
        example='{type: whatsapp, number: "+49 40 1234567"}',
        instead='{type: whatsapp, number: "+49 151 12345678"}',
    )
)
def messaging_number_not_mobile(given: RuleInput) -> Iterator[Finding]:
    import phonenumbers

    for path, channel, number in phone_numbers(given):
        if channel.type not in {"sms", "whatsapp"} or number is None:
            continue
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE:
            yield Finding(
                (*path, "number"),
                f"the {channel.type} channel uses {channel.number}, a landline number",
                hint="give the mobile number the channel runs on",
            )


def _hour_channels(given: RuleInput) -> Iterator[tuple[YamlPath, SupportChannel, str]]:
    for path, channel in _channels(given):
        if channel.hours is not None:
            yield path, channel, channel.hours


def _open_every_day(hours: str) -> bool:
    import opening_hours

    parsed = opening_hours.OpeningHours(hours)
    monday = dt.datetime(2026, 1, 5)
    for offset in range(7):
        start = monday + dt.timedelta(days=offset)
        day = parsed.intervals(start, start + dt.timedelta(days=1))
        if not any(state == opening_hours.State.OPEN for _, _, state, _ in day):
            return False
    return True


@rule(
    CodeInfo(
        code="SUP005",
        name="hours-without-holidays",
        severity="info",
        summary="Opening hours that close on some weekdays do not say what happens on public holidays.",
        why="Without a `PH` rule the hours read as open on holidays; an agent would tell a buyer the "
        "hotline answers on Christmas Day.",
        example='hours: "Mo-Fr 09:00-18:00"',
        instead='hours: "Mo-Fr 09:00-18:00; PH off"',
    )
)
def hours_without_holidays(given: RuleInput) -> Iterator[Finding]:
    for path, channel, hours in _hour_channels(given):
        # Open every day of the week: holidays are plainly meant to be open days too.
        if "PH" not in hours and not _open_every_day(hours):
            yield Finding(
                (*path, "hours"),
                f"the {channel.type} hours do not say whether it is open on public holidays",
                hint=f'add "; PH off" (or the holiday hours): "{hours}; PH off"',
            )


@rule(
    CodeInfo(
        code="SUP006",
        name="never-open",
        severity="error",
        summary="Opening hours that are never open.",
        why="A channel that never opens cannot be reached; usually a rule like `off` overrides the rest.",
        example='hours: "Mo-Fr 09:00-18:00; off"',
        instead='hours: "Mo-Fr 09:00-18:00; PH off"',
    )
)
def never_open(given: RuleInput) -> Iterator[Finding]:
    from shopterms.policy.support_hours import parse_hours

    # Any fixed Monday will do: hours that open at all open within a year of it.
    start = dt.datetime(2026, 1, 5)
    for path, channel, hours in _hour_channels(given):
        parsed, _holidays = parse_hours(hours, given.policy.shop.country)
        if not parsed.is_open(start) and parsed.next_change(start) is None:
            yield Finding(
                (*path, "hours"),
                f"the {channel.type} hours {hours!r} are never open",
                hint='state when it is open, e.g. "Mo-Fr 09:00-18:00; PH off"',
            )


@rule(
    CodeInfo(
        code="SUP007",
        name="duplicate-channel",
        severity="warning",
        summary="The same channel (type and contact) is listed twice.",
        why="Two entries for one channel usually differ in hours or languages by mistake; one must be wrong.",
        example="- {type: email, address: service@shop.example}\n"
        "- {type: email, address: service@shop.example}",
        instead="- {type: email, address: service@shop.example}",
    )
)
def duplicate_channel(given: RuleInput) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for path, channel in _channels(given):
        key = (channel.type, channel.contact.replace(" ", "").lower())
        if key in seen:
            yield Finding(
                path,
                f"the {channel.type} channel {channel.contact} is listed more than once",
                hint="keep one entry per channel",
            )
        seen.add(key)
