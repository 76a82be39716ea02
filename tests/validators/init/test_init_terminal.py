"""`shopterms init` on a real pseudo-terminal: a merchant answers the questions and gets a valid file."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect

from shopterms.policy.loader import load_policy
from shopterms.validators.file_report import check_loaded


def _spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-c", "from shopterms.validators.cli import main; main()", "init", *args],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 200),
    )
    return child


def _answer(child: pexpect.spawn, prompt: str, answer: str) -> None:
    child.expect_exact(prompt)
    child.sendline(answer)


def test_a_merchant_answers_the_questions_and_gets_a_file_that_validates(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "-o", "shop.yaml")
    _answer(child, "Shop name (as buyers see it)", "Papeterie Lumière")
    _answer(child, "Home page", "https://papeterie-lumiere.example")
    _answer(child, "Registered company name (optional)", "Papeterie Lumière SARL")
    _answer(child, "Country of the shop's seat", "fr")
    _answer(child, "Street and number (optional)", "12 rue des Lilas")
    _answer(child, "Postal code (optional)", "69001")
    _answer(child, "City (optional)", "Lyon")
    child.expect_exact("Time zone [Europe/Paris]")  # guessed from the country
    child.sendline("")
    child.expect_exact("Currency [EUR]")
    child.sendline("")
    _answer(child, "Languages of the shop (optional) [fr]", "fr, en")
    _answer(child, "Countries you sell to [FR]", "FR, BE")
    _answer(child, "VAT number (optional)", "")
    _answer(child, "Business days from order to dispatch [1-2]", "0-1")
    # A wrong answer is refused with the loader's own message and asked again.
    _answer(child, "Order cutoff for dispatch that day (HH:MM) (optional)", "25:00")
    child.expect_exact("is not a time of day")
    _answer(child, "Order cutoff for dispatch that day (HH:MM) (optional)", "15:00")
    _answer(child, "Days the warehouse ships [Mon-Fri]", "")
    _answer(child, "Public holidays off", "")
    _answer(child, "Warehouse closures", "2026-08-03..2026-08-16")
    _answer(child, "Service id (lower case, e.g. standard) [standard]", "")
    _answer(child, "Name buyers see (optional)", "Colissimo")
    _answer(child, "Carriers (e.g. dhl-germany, ups) (optional)", "")
    _answer(child, "Delivers to [FR, BE]", "")
    _answer(child, "Business days in transit (e.g. 1-3)", "2-3")
    _answer(child, "Shipping price (an amount, or free)", "5,90")
    _answer(child, "Free shipping from an order value of (optional)", "60")
    _answer(child, "Add another delivery service?", "n")
    _answer(child, "Return window [14 days after delivery]", "30 days after delivery")
    _answer(child, "Who pays return shipping", "")
    _answer(child, "How goods come back", "")
    _answer(child, "Refund within (optional) [14 days after withdrawal]", "")
    _answer(child, "Payment methods (e.g. card, paypal, invoice) [card, paypal]", "card, paypal")
    _answer(child, "When cards are charged", "")
    _answer(child, "Support e-mail address [support@papeterie-lumiere.example]", "")
    _answer(child, "Support phone number (optional)", "+33 4 72 00 00 00")
    _answer(child, "Phone hours (opening_hours syntax)", "Mo-Fr 10:00-17:00; PH off")
    _answer(child, "Languages support answers in (optional) [fr, en]", "")
    _answer(child, "Terms and conditions page (optional)", "")
    _answer(child, "Return policy page (optional)", "")
    _answer(child, "Privacy notice (optional)", "")
    _answer(child, "Online withdrawal function", "")
    _answer(child, "Statutory withdrawal period in days (optional) [14]", "")
    _answer(child, "Legal guarantee in years (optional) [2]", "")
    child.expect_exact("wrote shop.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    result = load_policy(tmp_path / "shop.yaml")
    assert result.policy is not None, result.diagnostics
    report = check_loaded(result)
    assert not [item for item in report.diagnostics if item.severity == "error"]
    policy = result.policy
    assert policy.shop.timezone == "Europe/Paris" and policy.shop.currency == "EUR"
    assert policy.shipping is not None and str(policy.shipping.handling.cutoff) == "15:00:00"
    assert str(policy.shipping.services[0].rate[0].amount) == "5.90"
    text = (tmp_path / "shop.yaml").read_text(encoding="utf-8")
    assert "timezone: Europe/Paris  # IANA time zone" in text and "(default: from the country)" in text


def test_init_refuses_to_overwrite_before_asking_anything(tmp_path: Path) -> None:
    (tmp_path / "shop.yaml").write_text("kept\n", encoding="utf-8")
    child = _spawn(tmp_path)
    child.expect_exact("shop.yaml exists")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert (tmp_path / "shop.yaml").read_text(encoding="utf-8") == "kept\n"


SHOPIFY = Path(__file__).parent / "fixtures" / "shopify-shipping-zones.json"


def test_drafting_on_a_terminal_asks_for_the_facts_no_source_had(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "--from", str(SHOPIFY))
    child.expect_exact("9 required fact(s) are in none of the sources")
    _answer(child, "Shop name (as buyers see it) (Enter leaves a TODO)", "Laden am Eck")
    _answer(child, "Home page (Enter leaves a TODO)", "https://laden-am-eck.example")
    _answer(child, "Country of the shop's seat (ISO code, e.g. DE) (Enter leaves a TODO)", "DE")
    _answer(child, "Time zone [Europe/Berlin]", "")  # guessed from the country just answered
    _answer(child, "Currency [EUR]", "")
    _answer(child, "Business days from order to dispatch [1-2]", "1")
    # Each service the export named is asked for by name, and a wrong answer gets the loader's message.
    _answer(child, "Business days in transit (e.g. 1-3) for Standard (Enter leaves a TODO)", "3-1")
    child.expect_exact("the range starts at 3 but ends at 1")
    _answer(child, "Business days in transit (e.g. 1-3) for Standard (Enter leaves a TODO)", "1-3")
    _answer(child, "Business days in transit (e.g. 1-3) for Sperrgut (Enter leaves a TODO)", "2-3")
    _answer(child, "Business days in transit (e.g. 1-3) for International (Enter leaves a TODO)", "2-4")
    child.expect_exact("wrote shop.yaml")
    child.expect(pexpect.EOF)
    child.close()
    result = load_policy(tmp_path / "shop.yaml")
    assert result.policy is not None, [item.headline for item in result.diagnostics]
    policy = result.policy
    assert (policy.shop.name, policy.shop.country, policy.shop.timezone) == (
        "Laden am Eck",
        "DE",
        "Europe/Berlin",
    )
    assert policy.shipping is not None
    assert [(s.id, s.transit.min, s.transit.max) for s in policy.shipping.services] == [
        ("standard-inland", 1, 3),
        ("sperrgut-inland", 2, 3),
        ("international-nachbarn", 2, 4),
    ]
    text = (tmp_path / "shop.yaml").read_text(encoding="utf-8")
    assert "# TODO" not in text and "Conflicts" not in text


def test_enter_on_a_fact_no_source_had_leaves_its_todo_line(tmp_path: Path) -> None:
    child = _spawn(
        tmp_path, "--from", str(SHOPIFY), "--set", "name=Laden", "--set", "url=https://laden.example"
    )
    _answer(child, "Country of the shop's seat (ISO code, e.g. DE) (Enter leaves a TODO)", "DE")
    for prompt in (
        "Time zone [Europe/Berlin]",
        "Currency [EUR]",
        "Business days from order to dispatch [1-2]",
    ):
        _answer(child, prompt, "")
    for service in ("Standard", "Sperrgut", "International"):
        _answer(child, f"Business days in transit (e.g. 1-3) for {service} (Enter leaves a TODO)", "")
    child.expect_exact("3 TODO(s) to fill in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    diagnostics = load_policy(tmp_path / "shop.yaml").diagnostics
    assert {item.code for item in diagnostics} == {"DRAFT001"}
    assert [item.dotted_path for item in diagnostics] == [f"shipping.services[{i}].transit" for i in range(3)]
