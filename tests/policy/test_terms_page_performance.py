"""The terms page shows the published figures in each language, with their period and the minimum;
withheld cells are not shown."""

from __future__ import annotations

from shopterms.policy.documents.artefacts import BuildInput
from shopterms.policy.documents.terms_page.page import terms_page_files
from tests.policy.evidence.figures_examples import example_figures
from tests.policy.evidence.judging_harness import example_policy


def _pages(with_figures: bool = True) -> dict[str, str]:
    build = BuildInput(example_policy(), "nordlicht-mode.yaml", example_figures() if with_figures else None)
    return {name: data.decode("utf-8") for name, data in terms_page_files(build).items()}


def test_the_german_page_has_a_performance_section_after_shipping_with_the_figures() -> None:
    page = _pages()["index.html"]
    section = page.split('<section id="performance">', 1)[1].split("</section>", 1)[0]
    assert page.index('id="shipping"') < page.index('id="performance"') < page.index('id="returns"')
    assert "<h2>Lieferleistung</h2>" in section
    assert "Bestellungen vom 02.09.2026 bis 30.11.2026" in section
    assert "Ziele mit weniger als 30 Paketen werden nicht gezeigt." in section
    assert "Standardversand" in section and "Bayern" in section and "2 / 4 Werktage" in section
    assert "Express" not in section  # its only cell is withheld
    assert '"shopterms:deliveryPerformance"' in page  # the page's JSON-LD carries the same figures


def test_the_english_page_words_the_same_figures_in_english() -> None:
    section = _pages()["index.en.html"].split('<section id="performance">', 1)[1].split("</section>", 1)[0]
    assert "<h2>Delivery performance</h2>" in section
    assert "All services" in section and "90%" in section and "400 parcels" in section


def test_without_figures_the_page_has_no_performance_section() -> None:
    assert 'id="performance"' not in _pages(with_figures=False)["index.html"]
