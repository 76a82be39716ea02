"""Records from shop pages' schema.org markup: facts, where they are written, and what stays unknown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shopterms.policy.compare import record_from_file
from shopterms.policy.compare.provenance import PageSource
from shopterms.policy.compare.record import ComparisonRecord
from shopterms.policy.jsonld import compile_policy, dumps
from shopterms.policy.loader import read_policy
from shopterms.validators.compare.fetching import SourceError
from shopterms.validators.compare.markup import read_jsonld_document, read_markup
from shopterms.validators.compare.page_record import record_from_page
from shopterms.validators.compare.sources import read_source
from tests.conftest import example_files

PAGES = Path(__file__).parent / "compare_pages"
BERGWERK = PAGES / "bergwerk-outdoor.html"
PIXELPOST = PAGES / "pixelpost-prints.html"
AT = "2026-03-09T10:00:00+01:00"


def page_record(path: Path, destination: str = "DE-BY") -> ComparisonRecord:
    return read_source(str(path), destination, AT)


def only_source(fact: Any) -> PageSource:
    [source] = fact.sources
    assert isinstance(source, PageSource)
    return source


def test_json_ld_page_gives_its_organisation_level_terms() -> None:
    record = page_record(BERGWERK)
    assert record.source.kind == "page" and record.source.location == str(BERGWERK)
    assert record.shop.name.value == "Bergwerk Outdoor"
    cheapest = record.delivery.cheapest.value
    assert cheapest is not None and cheapest.name == "Paketversand"
    assert cheapest.price.value is not None and cheapest.price.value.amount == 3.90
    assert cheapest.free_from.value == 39.0
    time = cheapest.time.value
    assert time is not None
    assert (time.handling_days.min, time.handling_days.max, time.transit_days.max) == (1, 2, 2)
    assert record.returns.window.value is not None and record.returns.window.value.days == 60
    assert record.returns.cost.value is not None and record.returns.cost.value.type == "free"
    assert record.payment.methods.value == ["card", "invoice", "custom:Klarna Sofort", "paypal"]
    assert record.support.languages.value == ["en", "de"]


def test_page_values_name_the_node_and_property_that_hold_them() -> None:
    record = page_record(BERGWERK, "AT")
    cost = record.returns.cost
    assert cost.value is not None and (cost.value.type, cost.value.amount) == ("fixed", 5.90)
    fees, amount = cost.sources
    assert isinstance(fees, PageSource) and isinstance(amount, PageSource)
    assert (fees.syntax, fees.node, fees.via, fees.type, fees.property) == (
        "json-ld",
        "https://bergwerk-outdoor.example/#returns-at",
        "",
        "MerchantReturnPolicy",
        "returnFees",
    )
    assert (amount.node, amount.via, amount.type, amount.property) == (
        "https://bergwerk-outdoor.example/#returns-at",
        "returnShippingFeesAmount",
        "MonetaryAmount",
        "value",
    )
    window = only_source(record.returns.window)
    assert window.property == "merchantReturnDays"
    free = only_source(page_record(BERGWERK).delivery.cheapest.value.free_from)  # type: ignore[union-attr]
    assert (free.node, free.via, free.property) == (
        "https://bergwerk-outdoor.example/#paket",
        "shippingConditions/orderValue",
        "minValue",
    )


def test_microdata_page_gives_its_offer_level_terms() -> None:
    record = page_record(PIXELPOST)
    assert record.shop.name.value == "Pixelpost"
    name = only_source(record.shop.name)
    assert (name.syntax, name.node, name.property) == ("microdata", "https://pixelpost.example/#shop", "name")
    service = record.delivery.fastest.value
    assert service is not None and service.name == "Versand in der Posterrolle"
    assert service.price.value is not None and service.price.value.amount == 4.99
    time = service.time.value
    assert time is not None and (time.total_days.min, time.total_days.max) == (3, 6)
    assert (time.earliest, time.latest) == (None, None)  # no time zone or holiday calendar: no dates
    assert "dates not computed" in (service.time.note or "")
    window = only_source(record.returns.window)
    assert (window.syntax, window.node, window.type) == ("microdata", None, "MerchantReturnPolicy")
    assert window.via == "offers/hasMerchantReturnPolicy"
    assert record.returns.cost.value is not None and record.returns.cost.value.type == "customer_pays"
    assert record.support.channels.value is not None
    assert [(c.type, c.contact) for c in record.support.channels.value] == [
        ("email", "post@pixelpost.example")
    ]


def test_what_the_markup_does_not_state_stays_unknown() -> None:
    record = page_record(PIXELPOST)
    service = record.delivery.fastest.value
    assert service is not None
    for fact in (
        service.free_from,
        service.carriers,
        record.returns.refund,
        record.returns.exchange,
        record.payment.methods,
        record.payment.invoice,
        record.support.human,
    ):
        assert fact.state == "unknown" and fact.value is None and fact.note
    bergwerk = page_record(BERGWERK)
    assert bergwerk.payment.invoice.value is True
    assert bergwerk.payment.invoice_due.state == "unknown"
    assert bergwerk.payment.charged.state == "unknown"


def test_a_destination_the_markup_does_not_ship_to_is_known_not_served() -> None:
    record = page_record(PIXELPOST, "AT")
    assert record.delivery.serves.known and record.delivery.serves.value is False
    assert record.returns.covered.value is False
    assert record.returns.window.note == "the markup's return policies cover DE, not AT"


@pytest.mark.parametrize("destination", ["DE-BY", "AT", "CH"])
@pytest.mark.parametrize("path", example_files(), ids=lambda p: Path(p).stem)
def test_compiled_json_ld_gives_back_every_fact_the_file_states(path: Path, destination: str) -> None:
    page, notes = read_jsonld_document(dumps(compile_policy(read_policy(path))), f"{path.stem}.jsonld")
    from_page = record_from_page(page, destination, AT, notes)
    from_file = record_from_file(path, destination, AT)
    stated = known_values(from_file.model_dump(mode="json"))
    read_back = known_values(from_page.model_dump(mode="json"))
    # A file's missing free_from means no threshold; markup without a free condition says nothing.
    stated = {
        key: value for key, value in stated.items() if not (key.endswith("free_from") and value is None)
    }
    missing = {key: value for key, value in stated.items() if read_back.get(key, "<unknown>") != value}
    assert not missing


def known_values(data: Any, path: str = "") -> dict[str, Any]:
    """Every known fact by its path, lists compared as sorted (markup does not keep order)."""
    found: dict[str, Any] = {}
    if isinstance(data, dict):
        if "state" in data and "sources" in data:
            if data["state"] == "known" and not isinstance(data["value"], dict | list):
                found[path] = data["value"]
            elif data["state"] == "known" and isinstance(data["value"], list):
                found[path] = sorted(json.dumps(unordered(item), sort_keys=True) for item in data["value"])
            elif data["state"] == "known":
                found.update(known_values(data["value"], path))
        else:
            for key, value in data.items():
                if key not in {"sources", "note", "services", "source"}:
                    found.update(known_values(value, f"{path}.{key}"))
    elif isinstance(data, list):
        found[path] = sorted(json.dumps(item, sort_keys=True) for item in data)
    else:
        found[path] = data
    return found


def unordered(data: Any) -> Any:
    """Lists inside a value sorted, since markup keeps no order."""
    if isinstance(data, dict):
        return {key: unordered(value) for key, value in data.items()}
    if isinstance(data, list):
        return sorted((unordered(item) for item in data), key=lambda item: json.dumps(item, sort_keys=True))
    return data


def test_a_broken_json_ld_block_is_named_and_the_rest_still_read(tmp_path: Path) -> None:
    broken = BERGWERK.read_text(encoding="utf-8").replace('"@type": "Product",', '"@type": "Product",,', 1)
    target = tmp_path / "broken.html"
    target.write_text(broken, encoding="utf-8")
    record = read_source(str(target), "DE", AT)
    line = next(number for number, text in enumerate(broken.splitlines(), 1) if 'Product",,' in text)
    reason = "Expecting property name enclosed in double quotes"
    assert record.source.notes == [f"the JSON-LD at line {line}, column 22 is not JSON ({reason})"]
    assert record.shop.name.value == "Bergwerk Outdoor"


def test_rdfa_markup_is_read_too() -> None:
    html = """<html><body vocab="https://schema.org/" typeof="OnlineStore" resource="https://r.example/#s">
    <span property="name">Rahmenwerk</span>
    <div property="hasMerchantReturnPolicy" typeof="MerchantReturnPolicy">
      <meta property="applicableCountry" content="DE"><meta property="merchantReturnDays" content="100">
      <link property="returnFees" href="https://schema.org/FreeReturn">
    </div></body></html>"""
    page, _notes = read_markup(html, "saved.html")
    record = record_from_page(page, "DE", AT)
    assert record.shop.name.value == "Rahmenwerk"
    assert record.returns.window.value is not None and record.returns.window.value.days == 100
    assert only_source(record.returns.window).syntax == "rdfa"


def test_a_page_without_markup_is_an_error_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "plain.html"
    target.write_text("<html><body><p>Versandkostenfrei ab 50 €</p></body></html>", encoding="utf-8")
    with pytest.raises(SourceError) as failed:
        read_source(str(target), "DE", AT)
    assert failed.value.source == str(target)
    assert "no schema.org markup" in failed.value.message


def test_the_same_page_gives_the_same_record() -> None:
    assert page_record(PIXELPOST).model_dump_json() == page_record(PIXELPOST).model_dump_json()
    assert page_record(BERGWERK).model_dump_json() == page_record(BERGWERK).model_dump_json()
