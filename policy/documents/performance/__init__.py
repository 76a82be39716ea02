"""Measured performance for people: the merchant's HTML report with its charts, and the figures' table on
the terms page."""
