"""Deterministic demo data and the best-practice library, made through the services."""
