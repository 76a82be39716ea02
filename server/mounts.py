"""Sub-applications mounted into the HTTP app, with the lifespan each needs (the MCP endpoint's)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from starlette.types import ASGIApp


@dataclass(frozen=True)
class Mount:
    """An ASGI app served under `path`, and what must run while the server runs (or None).

    A mounted app's own lifespan is never run by its parent, so a component that needs one (the MCP
    session manager) hands it over here and the HTTP app enters it in its own lifespan.
    """

    path: str
    app: ASGIApp
    lifespan: Callable[[], AbstractAsyncContextManager[object]] | None = None
