"""Operator commands for an install: `python -m ops --help` (deploy/README.md uses them)."""
