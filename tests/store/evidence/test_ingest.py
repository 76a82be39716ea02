"""Ingesting exports: every good row kept, every bad one reported by line and skipped, the same parcel
updated rather than counted twice, and nothing personal kept — in SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopterms.policy.evidence.hashing import order_key
from tests.store.evidence.evidence_harness import ingest, return_rows, rows


@pytest.fixture
def key(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "evidence.key"


def test_bad_rows_are_reported_by_line_and_skipped_and_the_rest_is_ingested(
    store_url: str, key: Path
) -> None:
    code, out, err = ingest(store_url, key, "with-bad-rows.csv")
    assert code == 1
    lines = {int(line.split(":")[1]) for line in err.splitlines() if "with-bad-rows.csv:" in line}
    assert lines == {3, 4, 5, 6, 7, 8, 9, 11, 13}
    assert "with-bad-rows.csv:3: ordered_at '2026-06-09 13:00' has no UTC offset" in err
    assert "with-bad-rows.csv:4: country 'Germany' is not an ISO 3166-1 alpha-2 code" in err
    assert "with-bad-rows.csv:11: the row has 7 fields; the header has 15" in err
    assert "with-bad-rows.csv:13: service holds an e-mail address; personal data is never stored" in err
    assert "11 rows read: 2 new parcels, 0 updated, 1 returns, 0 skipped, 9 bad" in out
    assert [row["service"] for row in rows(store_url)] == ["standard", "express"]
    assert [(row["received_day"], row["refunded_day"]) for row in return_rows(store_url)] == [(20619, 20622)]


def test_ingesting_the_same_export_twice_updates_and_never_counts_twice(store_url: str, key: Path) -> None:
    ingest(store_url, key, "with-bad-rows.csv")
    code, out, _ = ingest(store_url, key, "with-bad-rows.csv")
    assert code == 1
    assert "2 new parcels" not in out and "0 new parcels, 2 updated" in out
    assert len(rows(store_url)) == 2 and len(return_rows(store_url)) == 1


def test_a_shopify_export_and_a_carrier_export_fill_in_the_same_parcels(store_url: str, key: Path) -> None:
    code, out, _ = ingest(store_url, key, "shopify-orders.csv", "--map", "shopify")
    assert code == 0, out
    assert "6 rows read: 3 new parcels, 0 updated, 0 returns, 2 skipped, 0 bad" in out
    code, out, _ = ingest(store_url, key, "carrier-tracking.csv", "--map", "carrier")
    assert code == 0 and "3 rows read: 0 new parcels, 3 updated" in out
    stored = rows(store_url)
    assert [(r["service"], r["country"], r["region"], r["status"]) for r in stored] == [
        ("standard", "DE", "DE-HH", "delivered"),
        ("express", "DE", "DE-BY", "delivered"),
        ("international", "AT", "AT-9", "in_transit"),
    ]
    # Dates from the carrier, the order moment and the service from the shop system.
    assert [(r["shipped_day"], r["delivered_day"]) for r in stored] == [
        (20613, 20615),
        (20616, 20617),
        (20620, None),
    ]


def test_only_a_keyed_hash_of_the_order_and_three_postal_characters_are_kept(
    store_url: str, key: Path
) -> None:
    ingest(store_url, key, "shopify-orders.csv", "--map", "shopify")
    stored = rows(store_url)
    assert {row["postal_prefix"] for row in stored} == {"204", "803", "101"}
    assert stored[0]["order_key"] == order_key(bytes.fromhex(key.read_text().strip()), "#1001")
    if store_url.startswith("sqlite"):
        data = Path(store_url.removeprefix("sqlite:///")).read_bytes()
        for clear in (b"#1001", b"anna@example.org", b"Hafenweg", b"Anna Beispiel", b"20457"):
            assert clear not in data


def test_columns_that_look_personal_are_refused_unless_the_mapping_ignores_them(
    store_url: str, key: Path, tmp_path: Path
) -> None:
    mapping = tmp_path / "orders.yaml"
    mapping.write_text(
        "columns: {order_id: Name, ordered_at: Created at, service: Shipping Method}\n",
        encoding="utf-8",
    )
    code, _, err = ingest(store_url, key, "shopify-orders.csv", "--map", str(mapping))
    assert code == 2
    assert "has columns that look like personal data: 'Email', 'Billing Name', 'Billing Street'" in err
    assert "nothing was ingested" in err
    ignored = (
        "Email, Billing Name, Billing Street, Billing City, Billing Zip, Shipping Name, Shipping Street, "
    )
    ignored += "Shipping Address1, Shipping City, Shipping Phone, Notes, Phone"
    mapping.write_text(mapping.read_text() + f"ignore: [{ignored}]\n", encoding="utf-8")
    code, out, _ = ingest(store_url, key, "shopify-orders.csv", "--map", str(mapping))
    assert code == 0 and "5 new parcels" in out  # no skip rules here: cancelled orders and gift cards count


def test_an_ingest_under_another_key_is_refused(store_url: str, key: Path, tmp_path: Path) -> None:
    ingest(store_url, key, "shopify-orders.csv", "--map", "shopify")
    code, _, err = ingest(store_url, tmp_path / "other.key", "shopify-orders.csv", "--map", "shopify")
    assert code == 2
    assert "were hashed with another evidence key" in err


def test_json_lines_are_read_like_csv(store_url: str, key: Path, tmp_path: Path) -> None:
    export = tmp_path / "parcels.jsonl"
    export.write_text(
        '{"order_id": 4711, "ordered_at": "2026-06-09T13:00:00+02:00", "service": "standard", '
        '"country": "DE", "delivered_at": "2026-06-11"}\n'
        "\n"
        '{"order_id": "4712", "ordered_at": "2026-06-09T13:00:00+02:00", "customer": {"name": "Anna"}}\n',
        encoding="utf-8",
    )
    code, _, err = ingest(store_url, key, export)
    assert code == 2 and "parcels.jsonl:3 has columns that look like personal data: 'customer'" in err
    export.write_text(export.read_text().splitlines()[0] + "\n[1, 2]\n", encoding="utf-8")
    code, out, err = ingest(store_url, key, export)
    assert code == 1 and "parcels.jsonl:2: the line holds a JSON list, not an object" in err
    assert "1 new parcels" in out
