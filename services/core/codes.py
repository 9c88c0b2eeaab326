"""Personal and meeting codes people can read aloud and type: `K7QM-4TPX`.

Codes are printed on badges and said across a room, so they use an alphabet with no
look-alikes (no 0/O, 1/I/L, and no U to take for V), are read in two groups of four, and
are accepted in any case, with or without the dash or spaces. Eight of 30 symbols give
6.6 × 10^11 codes: with a roster of hundreds and wrong guesses slowed down, guessing one
is hopeless.

Codes made before this scheme (16 characters of base64url) are stored as they were and
still match exactly as typed.
"""

from __future__ import annotations

import secrets

from sqlalchemy import ColumnElement, bindparam
from sqlalchemy.orm import InstrumentedAttribute

from services.core.validation import lookup_key

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Digits 2–9 and capitals without I, L, O, U: nothing reads as another symbol."""
LENGTH = 8
GROUP = 4
_SEPARATORS = str.maketrans("", "", " -‐‑–—_\u00a0\t")


def new_code() -> str:
    """A fresh random code as stored: eight symbols, no dash."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def is_new_style(code: str) -> bool:
    """True for a stored code of this scheme (eight symbols of the alphabet)."""
    return len(code) == LENGTH and all(c in ALPHABET for c in code)


def display_code(code: str) -> str:
    """How a code is printed and shown: `K7QM-4TPX`; an older code as it is."""
    if not is_new_style(code):
        return code
    return f"{code[:GROUP]}-{code[GROUP:]}"


def normalized(typed: str | None) -> str | None:
    """A typed code in stored form when it can be one of this scheme, else None.

    Case, spaces and dashes are forgiven: `k7qm 4tpx` and `K7QM-4TPX` are the same code.
    """
    if not typed:
        return None
    key = typed.translate(_SEPARATORS).upper()
    return key if is_new_style(key) else None


def lookup_candidates(typed: str) -> tuple[str, ...]:
    """What a typed code may be stored as: itself (older codes match exactly), and its
    normalized form."""
    form = normalized(typed)
    return (typed,) if form is None or form == typed else (typed, form)


def code_matches(
    column: InstrumentedAttribute[str], typed: str | None
) -> ColumnElement[bool] | None:
    """The condition "`column` holds the code typed or linked", or None when `typed` can
    name nothing (empty, over-long, control characters): the one rule for every look-up.

    A new code matches however it was typed; an older code only exactly as stored.
    """
    candidates = code_candidates(typed)
    return None if candidates is None else column.in_(candidates)


CANDIDATES = "code_candidates"
"""The bound parameter `code_matches_param` leaves for `code_candidates` to fill."""


def code_candidates(typed: str | None) -> tuple[str, ...] | None:
    """What `typed` may be stored as (`lookup_candidates`), or None when it can name
    nothing: `code_matches`' rule, for a statement built once (`code_matches_param`)."""
    clean = lookup_key(typed)
    return None if clean is None else lookup_candidates(clean)


def code_matches_param(column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """`code_matches` with the candidates left as the parameter CANDIDATES: for the
    look-ups every phone and projector runs every few seconds, whose statement is built
    once (building one cost about as much as running it, bench/)."""
    return column.in_(bindparam(CANDIDATES, expanding=True))
