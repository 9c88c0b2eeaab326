"""A new password is hashed at bcrypt's real cost, 12.

Elsewhere the tests hash at the lowest cost (the `fast_bcrypt` fixture, and the demo
seeded for the screens and browser tests): at 12 each hash takes a quarter second.
This test holds the real one, so nothing of it is lost.
"""

import bcrypt

from services.accounts import passwords


def test_a_new_password_is_hashed_at_cost_12_and_checks_out():
    hashed = passwords.hash_new_password("larch kettle obelisk murmur")
    assert hashed.startswith("$2b$12$")
    assert bcrypt.checkpw(b"larch kettle obelisk murmur", hashed.encode())
