"""The demo meeting's agenda and trust statements: the standard ones every meeting may use."""

from __future__ import annotations

from services.agenda_template import STANDARD_AGENDA as AGENDA
from services.agenda_template import STANDARD_TRUST_STATEMENTS as TRUST_STATEMENTS

__all__ = ["AGENDA", "TRUST_STATEMENTS"]
