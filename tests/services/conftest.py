"""Fixtures for the service tests of logins."""

import bcrypt
import pytest


@pytest.fixture
def fast_bcrypt(monkeypatch):
    """Hash at bcrypt's lowest cost: the real cost factor makes each hash take a quarter second."""
    real = bcrypt.gensalt
    monkeypatch.setattr(bcrypt, "gensalt", lambda: real(rounds=4))
