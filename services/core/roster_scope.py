"""Who is on an initiative's roster, and who of them can be in the room, as SQL conditions.

Voters of an imported conversation are participants in the database (their votes need
one) but nobody on the roster; people marked absent are on it but not in the room.
"""

from __future__ import annotations

from sqlalchemy import and_

from db.models import Participant

ON_ROSTER = Participant.outside_voter.is_(False)
"""A person of the roster: not a voter of an imported conversation."""
PRESENT = and_(ON_ROSTER, Participant.absent.is_(False))
"""A person of the roster who can be in the room: not marked absent either."""
