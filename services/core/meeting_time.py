"""A meeting's start in the meeting's own time zone, for what is printed and reported.

The database keeps the start in UTC and, beside it, the IANA name of the zone it was
typed in (the facilitator's browser's): an invitation for 18:00 in Chicago says 18:00 CST,
not 00:00 UTC the next day.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ZONE_MAX = 64


def zone_of(moment: datetime | None) -> str:
    """The IANA name of the zone `moment` was given in, or "" when it has none (a fixed
    offset, UTC, or no moment): such a start is printed in UTC."""
    zone = moment.tzinfo if moment is not None else None
    name = zone.key if isinstance(zone, ZoneInfo) else ""
    return name if name != "UTC" and len(name) <= ZONE_MAX else ""


def in_its_zone(moment: datetime | None, zone: str) -> datetime | None:
    """`moment` in the zone named `zone`; as stored (UTC) when no zone, or an unknown one,
    is named."""
    if moment is None or not zone:
        return moment
    try:
        return moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return moment
