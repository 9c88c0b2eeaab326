"""Run by Python as it starts, in the CLI tests' own subprocesses only (tests/seed/test_cli.py
puts this folder on their PYTHONPATH): new passwords are hashed at bcrypt's lowest cost.

The demo's seventeen logins took four seconds of hashing a seeding at the real cost, three
seedings a run; what these tests prove (each printed password signs in its own login, none
is written to disk) does not depend on the cost. tests/services/test_password_cost.py
holds every new password to the real one.
"""

import bcrypt

_real = bcrypt.gensalt


def _lowest_cost(rounds: int = 12, prefix: bytes = b"2b") -> bytes:
    return _real(4, prefix)


bcrypt.gensalt = _lowest_cost
