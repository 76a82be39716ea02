"""Shipment and return records of each shop and the figures computed from them, in the same store as
the published versions (schema revision 0002)."""
