"""Discovery documents written from a policy: llms.txt, the RFC 9727 API catalog and the UCP profile.

Pure functions of a policy and the addresses it is published at, so the HTTP server renders them at
load time and `shopterms build` writes the same documents for static hosting.
"""
