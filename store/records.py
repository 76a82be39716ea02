"""What the store says about a version: the record kept for each publication of a shop's terms.

A version is one publication: its number in the shop's history (1, 2, 3, …), the content hash of the
terms it published, when they take effect and when they were published. Content can come back (a
merchant reverts a change): two publications then share one hash, and every answer that names the
hash means the same terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import BaseModel, Field


@dataclass(frozen=True)
class VersionInfo:
    """One publication of a shop's terms."""

    shop: str
    number: int | None
    """Position in the shop's history, from 1; None for terms served from a file (never published)."""
    hash: str
    """SHA-256 of the RFC 8785 canonical JSON of the policy (see store.content)."""
    effective_from: dt.datetime | None
    """When the terms take effect, with the offset it was given in; None: in force at every moment."""
    published_at: dt.datetime | None
    """When they were published (UTC)."""
    note: str | None = None
    key_id: str | None = None
    """RFC 7638 thumbprint of the key that signed the version; None when unsigned."""
    source_name: str | None = None
    """The file the version was published from."""

    @property
    def signed(self) -> bool:
        return self.key_id is not None

    @property
    def order(self) -> tuple[dt.datetime, int]:
        """The order versions take over in: by the moment they take effect, then by publication."""
        assert self.effective_from is not None and self.number is not None
        return (self.effective_from, self.number)

    def entry(self, status: str | None = None) -> VersionEntry:
        return VersionEntry(
            shop=self.shop,
            number=self.number,
            hash=self.hash,
            effective_from=self.effective_from,
            published_at=self.published_at,
            note=self.note,
            signed=self.signed,
            key_id=self.key_id,
            status=status,
        )


class VersionRef(BaseModel):
    """The version of the terms an answer was given from."""

    hash: str = Field(
        description="Content hash of the version: SHA-256 of the RFC 8785 canonical JSON of the policy, "
        "64 hex digits; also the answer's ETag.",
        examples=["9f2c1a0b4e6d8f7a3c5b1e0d2f4a6c8e9b7d5f3a1c0e2b4d6f8a9c7e5b3d1f0a"],
    )
    number: int | None = Field(
        description="Number of the publication in the shop's history (1 is the first); null when the "
        "terms are served from a file rather than a store."
    )
    effective_from: dt.datetime | None = Field(
        description="When these terms took effect; null when served from a file (in force at any moment)."
    )


class VersionEntry(BaseModel):
    """One publication of a shop's terms, as listed in its history."""

    shop: str = Field(description="Shop id.")
    number: int | None = Field(description="Number of the publication, from 1; null for a file.")
    hash: str = Field(description="Content hash (SHA-256 of the RFC 8785 canonical policy JSON).")
    effective_from: dt.datetime | None = Field(description="When the terms take effect.")
    published_at: dt.datetime | None = Field(description="When they were published (UTC).")
    note: str | None = Field(description="The merchant's note on the change.")
    signed: bool = Field(description="Whether the version carries a signature.")
    key_id: str | None = Field(description="Key id (RFC 7638 thumbprint) of the signing key.")
    status: str | None = Field(
        default=None,
        description="in force, scheduled (takes effect later) or superseded, at the moment asked.",
    )


def version_ref(version: VersionInfo) -> VersionRef:
    return VersionRef(hash=version.hash, number=version.number, effective_from=version.effective_from)


class VersionHistory(BaseModel):
    """Every published version of a shop's terms, newest publication first."""

    shop: str = Field(description="Shop id.")
    versions: list[VersionEntry] = Field(description="The publications, newest first.")
