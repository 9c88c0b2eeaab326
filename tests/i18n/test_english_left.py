"""The check for English left on a Spanish page (tests/languages.py) looks at words, not codes."""

from __future__ import annotations

from services.core import codes
from tests.languages import english_in


def test_a_badge_code_that_spells_an_english_word_is_not_english_left():
    # Seen in CI: a random code "2D79-BE4B" held "BE", and the Spanish ballot was flagged.
    assert english_in("Su código: 2D79-BE4B", "ballot") == []
    assert english_in(f"Código de la reunión: {codes.display_code('THEY2345')}", "console") == []


def test_english_beside_a_code_is_still_found():
    assert english_in("Su código: 2D79-BE4B — your ballot", "ballot") == [
        "ballot: English left ['ballot', 'your'] in 'Su código:   — your ballot'"
    ]
