"""The demo meeting's agenda and trust questions: the standard ones every meeting may use,
then the published procedural-justice and neighbourhood items, so the demo survey shows both
answer scales."""

from __future__ import annotations

from services.agenda.agenda_template import STANDARD_AGENDA as AGENDA
from services.agenda.agenda_template import STANDARD_TRUST_STATEMENTS
from services.prepare.trust_items import STANDARD_ITEMS

TRUST_STATEMENTS = [*STANDARD_TRUST_STATEMENTS, *(item.wording for item in STANDARD_ITEMS)]

__all__ = ["AGENDA", "TRUST_STATEMENTS"]
