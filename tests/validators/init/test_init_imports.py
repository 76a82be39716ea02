"""`shopterms init --from`: each import format drafts the facts a hand-written policy states, names what
it cannot take, and never writes over a file or writes half a file."""

from __future__ import annotations

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
from tests.conftest import REPO_ROOT, example_files

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


def test_our_own_jsonld_drafts_back_the_facts_check_reads(tmp_path: Path) -> None:
    from shopterms.policy.jsonld import compile_policy
    from shopterms.validators.jsonld_graph import parse_jsonld
    from shopterms.validators.page.facts import GraphFacts

    for path in example_files():
        policy = read_policy(path)
        document = compile_policy(policy)
        source = tmp_path / f"{path.stem}.jsonld"
        source.write_text(json.dumps(document), encoding="utf-8")
        out = tmp_path / f"{path.stem}.yaml"
        result = CliRunner().invoke(main, ["init", "-o", str(out), "--from", str(source)])
        assert result.exit_code in (0, 1), result.output
        drafted = load_policy(out)
        assert drafted.policy is not None, [d.headline for d in drafted.diagnostics]

        def read(p: object) -> tuple[set[object], set[object]]:
            facts = GraphFacts(parse_jsonld(compile_policy(p)))  # type: ignore[arg-type]
            returns = {(f.country, f.days, f.category, f.fees, f.fee_amount) for f in facts.returns()}
            shipping = {(f.country, f.service, f.handling, f.transit) for f in facts.shipping()}
            return returns, shipping

        drafted_returns, drafted_shipping = read(drafted.policy)
        returns, shipping = read(policy)
        assert drafted_shipping == shipping, path.stem
        if policy.returns is not None and policy.returns.defective is None:
            # Separate terms for defective goods are not drafted from JSON-LD (docs/init.md).
            assert drafted_returns == returns, path.stem
        assert drafted.policy.shop.name == policy.shop.name
        assert drafted.policy.shop.url == policy.shop.url


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
