"""A replica whose PostgreSQL goes away keeps answering for the shops it holds, says it is degraded, refuses
the shops it does not hold with 503, and catches up with what was published meanwhile once it is back.

The database is taken away by cutting a TCP proxy the replica reaches it through: established
connections drop and new ones are refused, as when the server or the network goes down. The test
publishes straight to the database, so a version published during the outage is one whose NOTIFY the
replica never received."""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from tests.server.replica_harness import TcpProxy, replica, wait_until
from tests.store.store_harness import EXPRESS_CUTOFF, SHOP, publish_text, variant

HELD = [
    f"/shops/{SHOP}/policy",
    f"/shops/{SHOP}/returns?country=AT",
    f"/shops/{SHOP}/",
    f"/shops/{SHOP}/llms.txt",
]
IDENTITY = {"Accept-Encoding": "identity"}  # the ETag of the uncompressed body is the version hash


class Load:
    """Clients asking for the held shop's answers in a loop, counting every answer that is not 200."""

    def __init__(self, base_url: str, clients: int = 3) -> None:
        self.base_url = base_url
        self.stop = threading.Event()
        self.answers = 0
        self.failures: list[str] = []
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(clients)]

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def _run(self) -> None:
        with httpx.Client(base_url=self.base_url, timeout=30) as client:
            while not self.stop.is_set():
                for path in HELD:
                    try:
                        status = client.get(path).status_code
                    except httpx.HTTPError as error:
                        self.failures.append(f"{path}: {error!r}")
                        continue
                    self.answers += 1
                    if status != 200:
                        self.failures.append(f"{path}: {status}")


def test_a_replica_that_loses_its_database_serves_what_it_holds_and_recovers(
    postgres_url: str, tmp_path: Path
) -> None:
    publish_text(postgres_url, now="2026-01-01T09:00:00+00:00")
    publish_text(postgres_url, now="2026-01-01T09:00:00+00:00", shop="zweitladen")
    parts = urlsplit(postgres_url)
    proxy = TcpProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    try:
        with replica(proxy.url_for(postgres_url), tmp_path / "replica.log") as client:
            for path in HELD:
                assert client.get(path).status_code == 200  # the shop is now held
            with Load(str(client.base_url)) as load:
                wait_until(lambda: load.answers > 20, what="the load is running")
                proxy.cut()
                wait_until(lambda: client.get("/healthz").json()["status"] == "degraded", what="degraded")
                health = client.get("/healthz").json()
                assert health["store"]["reason"] and health["store"]["since"]
                assert [shop["id"] for shop in health["shops"]] == [SHOP]

                refused = client.get("/shops/zweitladen/policy")
                assert refused.status_code == 503 and refused.headers["Retry-After"]
                assert refused.json()["type"].endswith("/problems/store-unavailable")
                newer = publish_text(postgres_url, variant(EXPRESS_CUTOFF), now="2026-01-02T09:00:00+00:00")
                during = load.answers
                wait_until(lambda: load.answers > during + 20, what="answers while the store is away")

                proxy.restore()
                wait_until(lambda: client.get("/healthz").json()["status"] == "ok", what="recovered")
                assert client.get("/healthz").json()["store"] == {
                    "status": "connected",
                    "reason": None,
                    "since": None,
                }
                # The version published while the replica was cut off, whose NOTIFY it missed.
                wanted = f'"{newer.version.hash}"'
                wait_until(
                    lambda: client.get(f"/shops/{SHOP}/policy", headers=IDENTITY).headers["ETag"] == wanted,
                    what="caught up",
                )
                assert client.get("/shops/zweitladen/policy").status_code == 200
            assert load.failures == [], load.failures[:5]
            print(f"{load.answers} answers under load, none failed, across the outage")
    finally:
        proxy.close()
