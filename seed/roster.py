"""The demo city's people: stakeholder groups, how many come from each, and their names."""

from __future__ import annotations

import random

from db.models.enums import StakeholderCategory as Cat

# (group name, category, seats in a 56-person room). Residents who call 911 and youth are
# the largest groups because the process exists to hear them.
GROUPS: list[tuple[str, Cat, int]] = [
    ("Mayor's Office", Cat.MAYORS_OFFICE, 4),
    ("Police Department", Cat.POLICE_DEPARTMENT, 8),
    ("City Council", Cat.CITY_COUNCIL, 4),
    ("Community-Police Commission", Cat.COMMUNITY_POLICE_COMMISSION, 4),
    ("Neighborhood residents who call 911", Cat.RESIDENTS_911, 16),
    ("Youth", Cat.YOUTH, 8),
    ("Social services", Cat.SOCIAL_SERVICES, 8),
    ("Bridge-building organization", Cat.BRIDGE_BUILDING, 4),
]

_FIRST = [
    "Ana",
    "Ben",
    "Carla",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hector",
    "Imani",
    "Jamal",
    "Keiko",
    "Luis",
    "Maya",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Uma",
    "Victor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoe",
    "Andre",
    "Bianca",
    "Chen",
    "Dana",
]
_LAST = [
    "Alvarez",
    "Brooks",
    "Castillo",
    "Diallo",
    "Evans",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Johnson",
    "Kim",
    "Lopez",
    "Mensah",
    "Nguyen",
    "Okafor",
    "Patel",
    "Quintero",
    "Rivera",
    "Singh",
    "Thompson",
    "Usman",
    "Vasquez",
    "Washington",
    "Yang",
]


def people(rng: random.Random) -> list[tuple[str, str]]:
    """(full name, group name) for every seat, in a fixed order for a given generator."""
    names: set[str] = set()
    seats = []
    for group, _category, count in GROUPS:
        for _ in range(count):
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            while name in names:
                name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            names.add(name)
            seats.append((name, group))
    return seats


def deal_to_tables(seats: list[tuple[str, str]], tables: int) -> list[int]:
    """A table number (1-based) for each seat, dealt round-robin through the groups.

    Seats arrive grouped, so dealing them in turn spreads every group over the tables as
    evenly as its size allows: police and residents sit at every table.
    """
    return [index % tables + 1 for index in range(len(seats))]
