"""Measured performance: shipment and return records, judged against the promise in force when each order
was placed, and the figures published from them. Pure: no database, web or CLI imports (the store keeps
the records, the CLI and the server show the figures)."""
