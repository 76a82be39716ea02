"""Test servers listen on 127.0.0.1 only, and the fetcher refuses loopback by default: tests open exactly
that one address, so every other guard stays in force, including the one for the rest of loopback
(127.0.0.2, ::1, ...)."""

from __future__ import annotations

from ipaddress import ip_network

from shopterms.validators.fetch.limits import Limits

LOOPBACK = Limits(allowed_networks=(ip_network("127.0.0.1/32"),))
ALLOW_LOOPBACK = ("--allow-network", "127.0.0.1/32")
