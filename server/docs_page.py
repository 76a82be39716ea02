"""The interactive API documentation, served whole from the package: no CDN, so /docs works offline.

Swagger UI's script, style sheet and icon come from fastapi-offline, a maintained bundle of Swagger
UI's release files; they are read once, on the first request for each, and served with an ETag and
gzip like every document. The page names them by relative address, so it works behind any prefix.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi.openapi.docs import get_swagger_ui_html
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from shopterms.server.caching import Document, document_response

ASSETS_PATH = "/docs/assets"
# Swagger UI's release files, by the name they are served under, with their media types.
ASSETS_BY_NAME: dict[str, str] = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon.png": "image/png",
}
# The files change only with the installed package; a day is a fair time to cache them.
ASSET_CACHE_CONTROL = "public, max-age=86400"
_loaded: dict[str, Document] = {}


def asset(name: str) -> Document:
    """A Swagger UI file as a document (read from the installed bundle once)."""
    if name not in _loaded:
        data = (files("fastapi_offline") / "static" / name).read_bytes()
        _loaded[name] = Document.of(data, ASSETS_BY_NAME[name])
    return _loaded[name]


def docs_page(title: str) -> Response:
    """The Swagger UI page for the OpenAPI document at ./openapi.json, with its files from ./docs/assets."""
    return get_swagger_ui_html(
        openapi_url="openapi.json",
        title=f"{title}: API documentation",
        swagger_js_url="docs/assets/swagger-ui-bundle.js",
        swagger_css_url="docs/assets/swagger-ui.css",
        swagger_favicon_url="docs/assets/favicon.png",
        # No validator badge: it would send the document to an outside service.
        swagger_ui_parameters={"validatorUrl": None},
    )


async def docs_asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS_BY_NAME:
        known = ", ".join(ASSETS_BY_NAME)
        raise HTTPException(404, f"there is no documentation file {name}; the files are {known}")
    return document_response(request, asset(name), ASSET_CACHE_CONTROL)
