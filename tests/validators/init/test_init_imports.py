"""`shopterms init --from`: each import format drafts the facts a hand-written policy states, names what
it cannot take, and never writes over a file or writes half a file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from shopterms.policy.drafting.draft import merged
from shopterms.policy.drafting.shopify import read_shopify
from shopterms.policy.drafting.woocommerce import read_woocommerce
from shopterms.policy.export import EXPORTERS_BY_NAME, export
from shopterms.policy.export.facts import Facts
from shopterms.policy.loader import load_policy, load_policy_text, read_policy
from shopterms.validators.cli import main
from shopterms.validators.drafting.page import read_jsonld_source, read_page_source
from tests.conftest import REPO_ROOT

FIXTURES = Path(__file__).parent / "fixtures"
SHOP_ANSWERS = ["--set", "name=Test", "--set", "url=https://test.example", "--set", "country=DE"]


def _init(tmp_path: Path, *args: str) -> tuple[int, str, Path]:
    out = tmp_path / "shop.yaml"
    result = CliRunner().invoke(main, ["init", "-o", str(out), *args])
    return result.exit_code, result.output, out


def test_shopify_zones_become_services_with_tiers_and_a_free_threshold() -> None:
    payload = json.loads((FIXTURES / "shopify-shipping-zones.json").read_text(encoding="utf-8"))
    data = merged([read_shopify(payload, "zones.json")]).data()
    expected = load_policy_text(
        """
shop: {name: T, url: https://t.example, address: {country: DE}, timezone: Europe/Berlin, currency: EUR}
shipping:
  handling: {days: 1}
  services:
    - {id: standard-inland, name: Standard, to: [DE], transit: 1, rate: 4.9, free_from: 60}
    - id: sperrgut-inland
      name: Sperrgut
      to: [DE]
      transit: 1
      rate: [{amount: 19, weight_kg: 0-20}, {amount: 29, weight_kg: 20-40}]
    - {id: international-nachbarn, name: International, to: [AT, CH], transit: 1, rate: 12.5}
"""
    ).policy
    assert expected is not None and expected.shipping is not None
    drafted = data["shipping"]["services"]
    assert [s["id"] for s in drafted] == [s.id for s in expected.shipping.services]
    assert drafted[0]["rate"] == 4.9 and drafted[0]["free_from"] == 60
    assert drafted[1]["rate"] == [{"amount": 19, "weight_kg": "0-20"}, {"amount": 29, "weight_kg": "20-40"}]
    assert drafted[2]["to"] == ["AT", "CH"]


def test_shopify_carrier_rates_are_named_as_not_taken(tmp_path: Path) -> None:
    code, _output, out = _init(
        tmp_path, "--from", str(FIXTURES / "shopify-shipping-zones.json"), *SHOP_ANSWERS
    )
    text = out.read_text(encoding="utf-8")
    assert "carrier-calculated rates (carrier service 770) cannot be stated as a price" in text
    assert "# TODO shipping.services[0].transit:" in text and "# TODO shipping.handling:" in text
    assert code == 1
    diagnostics = load_policy(out).diagnostics
    assert {d.code for d in diagnostics} == {"DRAFT001"}


def test_woocommerce_flat_rate_takes_the_free_shipping_minimum_and_formulas_are_refused() -> None:
    payload = json.loads((FIXTURES / "woocommerce-shipping-zones.json").read_text(encoding="utf-8"))
    part = read_woocommerce(payload, "zones.json")
    services = merged([part]).data()["shipping"]["services"]
    assert services == [
        {"id": "paketversand-deutschland", "name": "Paketversand", "to": ["DE"], "rate": 5.5, "free_from": 75}
    ]
    notes = " ".join(part.notes)
    assert "cost formula '9 + ( 1.50 * [qty] )' cannot be stated" in notes
    assert "the continent location 'EU' cannot be stated" in notes
    assert "pickup at the shop is no delivery service" in notes


def test_a_shop_page_with_schema_org_alone_drafts_every_fact_it_states() -> None:
    page = FIXTURES / "shop-page-schemaorg.html"
    part = read_page_source(page.read_text(encoding="utf-8"), page.resolve().as_uri(), "page.html")
    below = "0-79.99"  # the free threshold holds in DE only: the paid rules end below it
    assert merged([part]).data() == {
        "shop": {
            "name": "Bergkiste Outdoor",
            "url": "https://bergkiste.example",
            "address": {"street": "Talweg 3", "postal_code": "87561", "city": "Oberstdorf", "country": "DE"},
            "sells_to": ["DE", "AT"],
            "currency": "EUR",
        },
        "returns": {
            "window": "30 days after delivery",
            "cost": 4.9,
            "methods": ["mail"],
            "label": "download",
            "restocking_fee": "5%",
            "seasonal": [
                {"name": "Weihnachten", "orders": "2026-11-20..2026-12-24", "until": dt.date(2027, 1, 15)}
            ],
            "refund": {"to": "original_payment"},
            "exchange": True,
            "item_conditions": ["new", "used"],
        },
        "legal": {"returns_url": "https://bergkiste.example/ruecksendung"},
        "shipping": {
            "handling": {"days": "1-2", "cutoff": "14:00"},
            "services": [
                {
                    "id": "paket",
                    "name": "Paket",
                    "to": ["DE", "AT"],
                    "excluded": [{"country": "DE", "postal_codes": ["27498"]}],
                    "transit": "1-3",
                    "rate": [
                        {
                            "amount": 4.9,
                            "countries": ["DE"],
                            "weight_kg": "0-5",
                            "order_value": below,
                        },
                        {
                            "amount": 8.9,
                            "countries": ["DE"],
                            "weight_kg": "5-20",
                            "order_value": below,
                        },
                        {"amount": 0, "countries": ["DE"], "order_value": "80+"},
                        {"amount": 9.9, "countries": ["AT"]},
                    ],
                }
            ],
        },
        "payment": {"methods": ["card", "paypal", "invoice"]},
        "support": {
            "languages": ["de", "en"],
            "channels": [
                {
                    "type": "phone",
                    "number": "+49 8322 123456",
                    "hours": "Mo-Fr 09:00-17:00; Sa 10:00-13:00",
                    "cost": "free",
                },
                {
                    "type": "email",
                    "address": "hilfe@bergkiste.example",
                    "hours": "Mo-Fr 09:00-17:00; Sa 10:00-13:00",
                },
            ],
        },
    }
    comments = {fact.path: fact.origin.comment() for fact in part.facts}
    assert comments[("returns", "refund", "to")] == (
        "from page.html: MerchantReturnPolicy refundType "
        "(read from schema.org's refund types: check where the money goes)"
    )
    assert (
        comments[("shipping", "services", 0, "rate")]
        == "from page.html: ShippingService #paket shippingConditions"
    )


def test_offer_level_json_ld_drafts_the_services_a_product_template_states() -> None:
    from shopterms.policy.jsonld import compile_offer_shipping_details, dumps

    document = dumps(
        compile_offer_shipping_details(read_policy(REPO_ROOT / "examples" / "nordlicht-mode.yaml"))
    )
    data = merged([read_jsonld_source(document, "offer.jsonld")]).data()
    assert data["shipping"] == {
        "handling": {"days": "0-1", "cutoff": "14:00"},
        "services": [
            {"id": "standard", "to": ["DE"], "transit": "1-2", "rate": 4.95, "free_from": 50},
            {"id": "express", "to": ["DE"], "cutoff": "12:00", "transit": 1, "rate": 9.95},
            {
                "id": "international",
                "to": ["AT", "CH"],
                "transit": "2-4",
                "rate": {"AT": 7.95, "CH": 14.95},
                "free_from": 100,
            },
        ],
    }


def test_a_microdata_page_drafts_the_same_way_as_json_ld() -> None:
    page = REPO_ROOT / "tests" / "validators" / "pages" / "organization-microdata.html"
    part = read_page_source(page.read_text(encoding="utf-8"), page.resolve().as_uri(), "page.html")
    assert merged([part]).data() == {
        "shop": {"name": "Nordlicht Mode", "url": "https://nordlicht-mode.example"},
        "returns": {"window": "21 days after delivery", "cost": "free", "countries": ["DE"]},
        "support": {"channels": [{"type": "phone", "number": "+49 40 1234567"}]},
    }


def test_a_page_that_names_no_shop_gets_a_todo_line_for_the_whole_shop_section(tmp_path: Path) -> None:
    page = REPO_ROOT / "tests" / "validators" / "pages" / "contact-rdfa.html"
    code, _output, out = _init(tmp_path, "--from", str(page))
    assert code == 1 and "\n# TODO shop: " in out.read_text(encoding="utf-8")
    diagnostics = load_policy(out).diagnostics
    assert [(item.code, item.dotted_path) for item in diagnostics] == [("DRAFT001", "shop")]


def test_a_page_without_structured_data_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    page = REPO_ROOT / "tests" / "validators" / "pages" / "no-structured-data.html"
    code, output, out = _init(tmp_path, "--from", str(page))
    assert code == 2
    assert "the page has no schema.org markup (JSON-LD, microdata or RDFa)" in output
    assert not out.exists()


def test_json_of_the_wrong_kind_names_what_was_found(tmp_path: Path) -> None:
    source = tmp_path / "products.json"
    source.write_text('{"products": [], "count": 0}', encoding="utf-8")
    code, output, out = _init(tmp_path, "--from", str(source))
    assert code == 2 and "an object with the keys products, count" in output and not out.exists()


def test_an_unreachable_address_is_refused_like_check_refuses_it(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port on loopback that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"http://127.0.0.1:{port}/"
    code, output, out = _init(
        tmp_path, "--from", address, "--timeout", "2", "--allow-network", "127.0.0.1/32"
    )
    assert code == 2 and "cannot read the page: the server refused the connection" in output
    assert not out.exists()
    code, output, _ = _init(tmp_path, "--from", address)
    assert code == 2 and "is a loopback address (this machine), which shopterms does not fetch" in output


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "shop.yaml"
    out.write_text("mine\n", encoding="utf-8")
    source = tmp_path / "google.json"
    target = EXPORTERS_BY_NAME["google"]
    policy = read_policy(REPO_ROOT / "examples" / "nordlicht-mode.yaml")
    source.write_text(
        target.render(export(policy, target, allow_lossy=True).payload, "json"), encoding="utf-8"
    )
    code, output, _ = _init(tmp_path, "--from", str(source))
    assert code == 2 and "exists" in output and out.read_text(encoding="utf-8") == "mine\n"
    code, output, _ = _init(tmp_path, "--from", str(source), "--force")
    assert code in (0, 1) and out.read_text(encoding="utf-8") != "mine\n"


def test_conflicting_sources_keep_the_first_and_list_the_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    header = "seller_name,seller_url,return_policy,accepts_returns,return_deadline_in_days\n"
    first.write_text(
        header + "Laden,https://laden.example,https://laden.example/r,true,30\n", encoding="utf-8"
    )
    second.write_text(
        header + "Laden,https://laden.example,https://laden.example/r,true,14\n", encoding="utf-8"
    )
    _code, _output, out = _init(tmp_path, "--from", str(first), str(second))
    text = out.read_text(encoding="utf-8")
    assert "window: 30 days after delivery  # from" in text
    assert (
        f"returns.window: 30 days after delivery from {first}; {second} says 14 days after delivery" in text
    )


def test_answers_without_a_terminal_write_a_valid_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "name: Kleinkram\nurl: https://kleinkram.example\ncountry: DE\n"
        "services:\n  - {id: letter, to: [DE], transit: 1-3, rate: 2.95}\n"
        "support_email: post@kleinkram.example\n",
        encoding="utf-8",
    )
    code, output, out = _init(tmp_path, "--answers", str(answers))
    assert code == 0, output
    policy = read_policy(out)
    assert policy.shop.timezone == "Europe/Berlin" and policy.returns is not None


def test_a_wrong_answer_is_refused_with_the_loaders_message(tmp_path: Path) -> None:
    code, output, out = _init(tmp_path, "--set", "name=X", "--set", "country=DE", "--set", "cutoff=25:00")
    assert code == 2 and "'25:00' is not a time of day" in output and not out.exists()


def test_facts_type_is_reexported() -> None:
    assert Facts().shop is None
