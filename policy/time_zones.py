"""IANA time zones, looked up only by names the time-zone database lists.

`ZoneInfo(name)` opens a file named after its key: a very long name fails with "file name too long"
(OSError), and any odd name touches the file system before it is refused. Every name that comes from
outside (a policy file, a page, a query) is therefore checked against the list of the `tzdata`
package first; only a listed name ever reaches ZoneInfo.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

# The longest IANA name has 32 characters (America/Argentina/ComodRivadavia); anything far longer is no
# zone, and is refused without a look-up.
MAX_NAME_LENGTH = 64
# The form of a zone name (Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5, UTC), for the schema.
ZONE_NAME_PATTERN = r"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}$"


@cache
def zone_names() -> frozenset[str]:
    """Every zone name of the IANA database shipped with the `tzdata` package."""
    listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(listed.split())


def is_zone_name(name: object) -> bool:
    """Whether `name` is a listed IANA zone (checked without touching any zone file)."""
    return isinstance(name, str) and len(name) <= MAX_NAME_LENGTH and name in zone_names()


def zone_or_none(name: object) -> ZoneInfo | None:
    """The zone named `name`, or None for anything the database does not list."""
    if not is_zone_name(name):
        return None
    assert isinstance(name, str)
    return ZoneInfo(name)
