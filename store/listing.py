"""The shops of a store a page at a time, with the name each trades under: the shop index of a replica.

A store may hold 100,000 shops, so the index is read in pages ordered by shop id (keyset paging: the
page after a given id), never whole. A shop's name comes from the version in force at the moment
asked about; a shop whose first version is still scheduled has no terms yet and is left out, as the
server leaves it out of its index.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shopterms.store.moments import to_us

if TYPE_CHECKING:
    from shopterms.store.reading import StoreReader


@dataclass(frozen=True)
class ShopListing:
    """One page of shops: (id, name) pairs by id, and the id to continue after (None: the last page)."""

    shops: list[tuple[str, str]]
    after: str | None


def shop_page(reader: StoreReader, after: str | None, limit: int, moment: dt.datetime) -> ShopListing:
    """The shops after the id `after` (from the first when None), at most `limit` of them, by id."""
    from sqlalchemy import select, tuple_

    from shopterms.store import tables
    from shopterms.store.engine import translated

    shops, versions = tables.shops, tables.versions
    ids_query = select(shops.c.id).where(shops.c.latest_number > 0).order_by(shops.c.id).limit(limit)
    if after is not None:
        ids_query = ids_query.where(shops.c.id > after)
    now_us = to_us(moment)
    with translated(reader.location), reader.engine.connect() as connection:
        ids = [row.id for row in connection.execute(ids_query)]
        if not ids:
            return ShopListing([], None)
        in_force: dict[str, tuple[int, int]] = {}
        dates = select(versions.c.shop_id, versions.c.number, versions.c.effective_us).where(
            versions.c.shop_id.in_(ids), versions.c.effective_us <= now_us
        )
        for row in connection.execute(dates):
            # The latest start at or before now wins; at the same start the later publication.
            order = (row.effective_us, row.number)
            if row.shop_id not in in_force or order > in_force[row.shop_id]:
                in_force[row.shop_id] = order
        pairs = [(shop_id, number) for shop_id, (_, number) in in_force.items()]
        names: dict[str, str] = {}
        if pairs:
            bodies = select(versions.c.shop_id, versions.c.canonical_json).where(
                tuple_(versions.c.shop_id, versions.c.number).in_(pairs)
            )
            for row in connection.execute(bodies):
                names[row.shop_id] = str(json.loads(row.canonical_json)["shop"]["name"])
    listed = [(shop_id, names[shop_id]) for shop_id in ids if shop_id in names]
    return ShopListing(listed, ids[-1] if len(ids) == limit else None)
