"""What the MCP endpoint answers besides JSON-RPC, in the API's own vocabulary.

- A plain GET (a browser, a link checker, a curious agent) gets a short JSON description of the
  endpoint: what it is, how to call it, where its server card is. The streamable-HTTP transport
  reserves GET for an event stream of server-initiated messages; this server is stateless and sends
  none, so a GET that asks for a stream (Accept: text/event-stream) gets 405 with `Allow: POST`, as
  the transport specifies, instead of a stream that never ends.
- Every error that is not a JSON-RPC answer to a POST (a foreign Host or Origin, an unknown path, a
  wrong method or media type) is RFC 9457 problem details like the rest of the API. JSON-RPC errors
  to POSTed messages stay JSON-RPC: MCP clients read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shopterms.policy.documents.ai_catalog import CARD_SUFFIX
from shopterms.server.problems import problem_response

EVENT_STREAM = "text/event-stream"
# The endpoint itself: GET (and HEAD) describe it, POST carries JSON-RPC.
ENDPOINT_METHODS = "GET, HEAD, POST"


@dataclass(frozen=True)
class EndpointIdentity:
    """How the endpoint introduces itself: the names the MCP server reports on connect."""

    name: str
    title: str | None
    description: str | None
    version: str
    protocol_versions: tuple[str, ...]


def describe(identity: EndpointIdentity, endpoint: str) -> dict[str, object]:
    """The JSON a plain GET of the endpoint gets."""
    return {
        "name": identity.name,
        "title": identity.title,
        "description": identity.description,
        "version": identity.version,
        "transport": "streamable-http",
        "endpoint": endpoint,
        "usage": "An MCP server: POST JSON-RPC 2.0 messages here with Content-Type: application/json and "
        "Accept: application/json, text/event-stream. It is stateless and opens no event stream on GET.",
        "protocolVersions": list(identity.protocol_versions),
        "serverCard": endpoint + "server-card",
    }


def _refusal(request: Request, status: int, allow: str | None) -> Response:
    """Our problem details for an error status the transport or the routing answered with."""
    # Neither refusal repeats the header it refuses: a value the sender chose is never reflected.
    if status == 421:
        detail = "this endpoint does not serve the host in the Host header; admit it with --allowed-host"
        return problem_response(request, "host-not-allowed", detail, trusted_host=False)
    if status == 403:
        detail = "pages from this Origin may not call this endpoint; admit it with serve --allowed-origin"
        return problem_response(request, "origin-not-allowed", detail)
    if status == 404:
        return problem_response(request, "not-found", f"nothing is published at {request.url.path}")
    if status == 405:
        allowed = allow or ENDPOINT_METHODS
        detail = f"{request.method} is not served here; this address takes {allowed}"
        return problem_response(request, "method-not-allowed", detail, headers={"Allow": allowed})
    if status in (400, 406, 415):
        detail = (
            "the request is not an MCP message this endpoint can answer: POST JSON-RPC 2.0 with "
            "Content-Type: application/json and Accept: application/json, text/event-stream"
        )
        return problem_response(request, "unreadable-request", detail, status=status)
    return problem_response(request, "server-error", "the MCP endpoint failed to answer", status=status)


class McpFront:
    """Wraps the MCP endpoint app: plain GETs described, stream GETs refused, errors as problems."""

    def __init__(self, app: ASGIApp, identity: Callable[[], EndpointIdentity]) -> None:
        self.app = app
        self.identity = identity  # asked per request: the shop of the request, when one serves many

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        root = scope.get("root_path", "")
        if scope["path"] == root + "/" and request.method == "GET":
            response = self._get(request)
            await response(scope, receive, send)
            return
        if scope["path"] == root + "/" + CARD_SUFFIX:
            # The HTTP app answers GET and HEAD of the card before the mount; any other method ends here.
            await _refusal(request, 405, "GET, HEAD")(scope, receive, send)
            return
        await self.app(scope, receive, self._problems(request, scope, receive, send))

    def _get(self, request: Request) -> Response:
        if EVENT_STREAM in request.headers.get("accept", ""):
            detail = (
                "this MCP endpoint is stateless and opens no event stream: POST JSON-RPC messages to it "
                "(a GET without Accept: text/event-stream describes it)"
            )
            headers = {"Allow": ENDPOINT_METHODS}
            return problem_response(request, "method-not-allowed", detail, headers=headers)
        document = describe(self.identity(), str(request.url))
        return JSONResponse(document, headers={"Cache-Control": "no-cache"})

    def _problems(self, request: Request, scope: Scope, receive: Receive, send: Send) -> Send:
        replaced = False

        async def sending(message: Message) -> None:
            nonlocal replaced
            if message["type"] == "http.response.start" and message["status"] >= 400:
                headers = {key.decode().lower(): value.decode() for key, value in message.get("headers", [])}
                is_json_rpc = request.method == "POST" and headers.get("content-type", "").startswith(
                    "application/json"
                )
                if not is_json_rpc:
                    replaced = True
                    at_endpoint = scope["path"] == scope.get("root_path", "") + "/"
                    allow = ENDPOINT_METHODS if at_endpoint else headers.get("allow")
                    refusal = _refusal(request, message["status"], allow)
                    await refusal(scope, receive, send)
                    return
            if replaced:
                return  # the original body of a replaced error
            await send(message)

        return sending
