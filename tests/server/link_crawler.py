"""A link checker for a running server: fetch every document it serves, follow every link to it.

Links are read from HTML (href, src), Markdown (`[text](url)` and `<url>`), JSON (every string that
is an address on the server, anywhere in the document), and Link headers. Addresses elsewhere are
counted and never fetched: tests send no packet beyond loopback.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

_MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
_LINK_HEADER = re.compile(r"<([^>]+)>")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in {"href", "src"} and value]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def links_in(response: httpx.Response) -> list[str]:
    """Every address a response names, absolute (relative ones resolved against the response's URL)."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    found = _LINK_HEADER.findall(response.headers.get("link", ""))
    if media_type == "text/html":
        parser = _Links()
        parser.feed(response.text)
        found += parser.found
    elif media_type == "text/markdown":
        found += [a or b for a, b in _MARKDOWN_LINK.findall(response.text)]
    elif media_type.endswith("json"):
        found += [text for text in _strings(json.loads(response.content)) if re.match(r"https?://", text)]
    base = str(response.url)
    return [urldefrag(urljoin(base, link)).url for link in found if not link.startswith(("mailto:", "tel:"))]


@dataclass
class Crawl:
    """What a crawl saw: every address on the server it fetched, with its status, and the others named."""

    statuses: dict[str, int] = field(default_factory=dict)
    referrers: dict[str, str] = field(default_factory=dict)
    elsewhere: set[str] = field(default_factory=set)

    @property
    def broken(self) -> dict[str, str]:
        """Address → "status (linked from …)" for every link that did not answer 2xx."""
        return {
            url: f"{status} (linked from {self.referrers.get(url, 'the start')})"
            for url, status in self.statuses.items()
            if not 200 <= status < 300
        }


def crawl(client: httpx.Client, starts: list[str], limit: int = 2000) -> Crawl:
    """Fetch `starts` and everything on the same server they lead to (redirects followed)."""
    origin = urlsplit(str(client.base_url)).netloc
    result = Crawl()
    queue = deque(str(client.base_url.join(start)) for start in starts)
    while queue and len(result.statuses) < limit:
        url = queue.popleft()
        if url in result.statuses:
            continue
        response = client.get(url, follow_redirects=True)
        result.statuses[url] = response.status_code
        if not 200 <= response.status_code < 300:
            continue
        for link in links_in(response):
            if urlsplit(link).netloc != origin:
                result.elsewhere.add(link)
            elif link not in result.statuses:
                result.referrers.setdefault(link, url)
                queue.append(link)
    return result
