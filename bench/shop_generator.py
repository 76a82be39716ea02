"""Many shops for benchmarks: valid policy files made by varying the examples.

Each shop is one of the three examples (kleinkram, nordlicht-mode, voltwerk-electronics) with its own
id, name and address, and with terms varied the way real shops differ: warehouse and express cutoffs,
return windows, prices and free-shipping thresholds, and for some shops the countries served. Every
file passes `shopterms validate` (tests/validators/test_shop_generator.py checks a sample); the same
`seed` gives the same files.

    from shop_generator import generate_shops            # from another bench script
    paths = generate_shops(500, Path("/tmp/shops"), seed=1)

    python bench/shop_generator.py 500 /tmp/shops [--seed 1] [--broken 3]

`broken` adds that many files with a located error (a misspelt key), named `broken-00001.yaml`, ...
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TEMPLATES = ("kleinkram", "nordlicht-mode", "voltwerk-electronics")
WINDOWS = (14, 21, 30, 30, 30, 45, 60, 100)
CUTOFFS = ("12:00", "13:00", "13:30", "14:00", "15:00", "15:30", "16:00", "17:00", "18:00")


def _template(name: str) -> str:
    return (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")


def _swap(text: str, old: str, new: str) -> str:
    """Replace the first `old`; a template that no longer holds it is a bug in this generator."""
    if old not in text:
        raise ValueError(f"the example no longer contains {old!r}; update bench/shop_generator.py")
    return text.replace(old, new, 1)


def _price(rng: random.Random, low: float, high: float) -> str:
    return f"{rng.uniform(low, high):.2f}"


def _earlier(cutoff: str, hours: int) -> str:
    hour, minute = cutoff.split(":")
    return f"{max(int(hour) - hours, 8):02d}:{minute}"


def _kleinkram(text: str, rng: random.Random) -> str:
    text = _swap(text, "window: 14 days after delivery", f"window: {rng.choice(WINDOWS)} days after delivery")
    text = _swap(text, "rate: 2.95", f"rate: {_price(rng, 1.5, 6.5)}")
    if rng.random() < 0.3:  # an Austrian shop instead of a German one
        text = _swap(text, "country: DE ", "country: AT ")
        text = _swap(text, "timezone: Europe/Berlin", "timezone: Europe/Vienna")
        text = _swap(text, "to: [DE]", "to: [AT]")
    return text


def _nordlicht(text: str, rng: random.Random) -> str:
    cutoff = rng.choice(CUTOFFS)
    # The express cutoff first: the new warehouse cutoff may read like the old express one.
    text = _swap(text, 'cutoff: "12:00"', f'cutoff: "{_earlier(cutoff, rng.choice((1, 2)))}"')
    text = _swap(text, 'cutoff: "14:00"', f'cutoff: "{cutoff}"')
    text = _swap(text, "window: 30 days after delivery", f"window: {rng.choice(WINDOWS)} days after delivery")
    text = _swap(text, "rate: 4.95", f"rate: {_price(rng, 2.9, 6.9)}")
    text = _swap(text, "free_from: 50.00", f"free_from: {rng.choice((29, 39, 50, 75))}.00")
    text = _swap(text, "transit: 2-4", f"transit: {rng.choice(('2-4', '2-5', '3-5'))}")
    if rng.random() < 0.3:  # no Switzerland
        text = _swap(text, "sells_to: [DE, AT, CH]", "sells_to: [DE, AT]")
        text = _swap(text, "to: [AT, CH]", "to: [AT]")
        text = _swap(text, "rate: {AT: 7.95, CH: 14.95}", f"rate: {{AT: {_price(rng, 5.9, 9.9)}}}")
    return text


def _voltwerk(text: str, rng: random.Random) -> str:
    cutoff = rng.choice(CUTOFFS)
    text = _swap(text, 'cutoff: "13:00"', f'cutoff: "{_earlier(cutoff, rng.choice((1, 2, 3)))}"')
    text = _swap(text, 'cutoff: "16:00"', f'cutoff: "{cutoff}"')
    text = _swap(text, "window: 30 days after delivery", f"window: {rng.choice(WINDOWS)} days after delivery")
    text = _swap(text, "IE: {cost: 7.95}", f"IE: {{cost: {_price(rng, 4.9, 9.9)}}}")
    return text


VARY_BY_TEMPLATE: dict[str, Callable[[str, random.Random], str]] = {
    "kleinkram": _kleinkram,
    "nordlicht-mode": _nordlicht,
    "voltwerk-electronics": _voltwerk,
}
NAMES = {"kleinkram": "Kleinkram", "nordlicht-mode": "Nordlicht Mode", "voltwerk-electronics": "Voltwerk"}


def shop_text(index: int, rng: random.Random) -> tuple[str, str]:
    """The id and policy text of shop number `index` (from 1)."""
    template = TEMPLATES[index % len(TEMPLATES)]
    shop_id = f"shop-{index:05d}"
    text = VARY_BY_TEMPLATE[template](_template(template), rng)
    # Every address of the example (home page, portal, legal pages, e-mail) moves to the shop's host.
    text = text.replace(f"{template}.example", f"{shop_id}.example")
    text = _swap(text, f"  name: {NAMES[template]}", f"  name: {NAMES[template]} {index}")
    return shop_id, text


def broken_text(index: int) -> str:
    """A policy with one located error: a misspelt key in the shop section."""
    return _swap(_template("kleinkram"), "timezone: Europe/Berlin", "timezon: Europe/Berlin").replace(
        "kleinkram.example", f"broken-{index:05d}.example"
    )


def generate_shops(n: int, out_dir: Path, seed: int = 0, *, broken: int = 0) -> list[Path]:
    """Write `n` valid shops (and `broken` invalid ones) into `out_dir`; return the paths, valid first."""
    rng = random.Random(seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, n + 1):
        shop_id, text = shop_text(index, rng)
        path = out_dir / f"{shop_id}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    for index in range(1, broken + 1):
        path = out_dir / f"broken-{index:05d}.yaml"
        path.write_text(broken_text(index), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("n", type=int, help="how many valid shops")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--broken", type=int, default=0, help="how many broken files besides")
    arguments = parser.parse_args()
    paths = generate_shops(arguments.n, arguments.out_dir, arguments.seed, broken=arguments.broken)
    print(f"wrote {len(paths)} policy files into {arguments.out_dir}")


if __name__ == "__main__":
    main()
