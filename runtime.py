"""Per-process and per-run context for pages: the database, who is acting, where they are.

Only ids live in st.session_state; everything else is read from the database each run.
"""

from __future__ import annotations

import gc

import streamlit as st

from db.database import Database
from services import initiatives, links, meetings, signin_accounts
from services.actors import Actor
from services.vocab import Role
from settings import Settings, load_settings

ACTOR_KEY = "username"
INITIATIVE_KEY = "initiative_id"
MEETING_KEY = "meeting_id"


@st.cache_resource
def settings() -> Settings:
    """Configuration, resolved once per process."""
    return load_settings()


@st.cache_resource(on_release=Database.dispose)
def database() -> Database:
    """The one engine and pool of this process; its connections close when released."""
    s = settings()
    return Database.from_url(
        s.database_url, pool_size=s.db_pool_size, max_overflow=s.db_max_overflow
    )


@st.cache_resource(show_spinner=False)
def freeze_long_lived_objects(page: str) -> None:
    """Hide what is alive now from the garbage collector, once per page per process.

    After a page's first run the process holds what it imported for it (Streamlit,
    SQLAlchemy, pandas, Altair…): some 300,000 objects that live as long as the process.
    The collector walked them all on each full collection, 0.2 s every 10 s in which every
    screen in the room waited (bench/). Frozen objects are still freed when nothing refers
    to them; only a cycle among them would stay, and they were made once.
    """
    gc.freeze()


def current_actor() -> Actor | None:
    """The signed-in account as an Actor, or None for a visitor with a code."""
    username = st.session_state.get(ACTOR_KEY)
    if not username or not st.session_state.get("authentication_status"):
        return None
    return signin_accounts.actor_for_username(database(), username)


def current_initiative_id() -> int | None:
    """The initiative being worked on: the one chosen, else the newest."""
    chosen = st.session_state.get(INITIATIVE_KEY)
    options = initiatives.list_initiatives(database())
    ids = [i.id for i in options]
    if chosen in ids:
        return chosen
    return max(ids) if ids else None


def current_meeting_id(initiative_id: int | None) -> int | None:
    """The meeting being run: the one chosen, else the initiative's newest."""
    if initiative_id is None:
        return None
    ids = [m.id for m in meetings.list_meetings(database(), initiative_id)]
    chosen = st.session_state.get(MEETING_KEY)
    if chosen in ids:
        return chosen
    return ids[0] if ids else None


def query_int(name: str) -> int | None:
    """An integer query parameter, or None when it is missing or not a number."""
    raw = st.query_params.get(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def query_code() -> str:
    """The `code` query parameter of a participant's or projector's link, trimmed."""
    return (st.query_params.get("code") or "").strip()


def require_actor() -> Actor:
    """The signed-in actor; stops the page politely if there is none."""
    actor = current_actor()
    if actor is None:
        st.error("Sign in on the home page to use this screen.")
        st.stop()
    return actor


def require_meeting(actor: Actor) -> tuple[int, int]:
    """The initiative and meeting in focus, with a picker for facilitators and leaders.

    A scribe's are those of the newest meeting where they scribe a table: with two rooms
    running at once, the newest initiative would be the other room's for half of them.
    """
    if actor.role is Role.SCRIBE and actor.account_id is not None:
        from services import tables  # noqa: PLC0415 - keeps the module's import list short

        scribed = tables.newest_scribed_meeting(database(), actor.account_id)
        if scribed is not None:
            return scribed
    initiative_id = current_initiative_id()
    if initiative_id is None:
        st.info("There is no initiative yet. A facilitator creates one on the Set up screen.")
        st.stop()
    meeting_id = current_meeting_id(initiative_id)
    if meeting_id is None:
        st.info("This initiative has no meeting yet. A facilitator adds one on Set up.")
        st.stop()
    return initiative_id, meeting_id


def table_in_focus(actor: Actor, meeting_id: int):
    """The table of `?table=N`, else the scribe's own table; None means every table.

    Stops with a plain message when the link's table is not a number, or a number that
    names no table of this meeting.
    """
    from services import tables  # noqa: PLC0415 - keeps the module's import list short

    _stop_if_not_a_number("table")
    number = query_int("table")
    if number is None:
        own = tables.tables_for_scribe(database(), actor.account_id, meeting_id)
        return own[0] if own and not actor.is_facilitator else None
    table = tables.get_table_by_number(database(), meeting_id, number)
    if table is None:
        st.error(f"This meeting has no table {number}. Check the link on your table card.")
        st.stop()
    return table


def _stop_if_not_a_number(name: str) -> None:
    """Stop the page when the link's `?table=` holds something that is not a table number.

    Read as "no table" instead, a scribe's mistyped link would open another view silently.
    """
    raw = (st.query_params.get(name) or "").strip()
    if raw and not raw.isdecimal():
        st.error(
            f"The {name} in this link is not a number. Check the link on your table card, "
            "or open the page from the menu."
        )
        st.stop()


def public_base_url() -> str:
    """Where every printed link and QR code starts: the server's root, never a page's path.

    The configured COMMON_GROUND_PUBLIC_URL when set; else the root of the address the
    browser used (st.context.url carries the page's path: a link built on it opened a
    blank page). When that root is only reachable from this computer and the facilitator
    picked a room-network address on the console, that address takes its place.
    """
    configured = settings().public_url
    if configured:
        return configured
    root = links.server_root(
        st.context.url,
        st.context.headers.to_dict(),
        str(st.get_option("server.baseUrlPath") or ""),
        int(st.get_option("server.port")),
    )
    chosen = _room_address_choice().get("host")
    if chosen and not links.reachable_from_phones(root):
        return links.with_host(root, chosen)
    return root


def choose_room_address(host: str | None) -> None:
    """Use `host` (an address of this computer on the room's network) in printed links,
    for every browser on this server; None goes back to the browser's address."""
    choice = _room_address_choice()
    if host:
        choice["host"] = host
    else:
        choice.pop("host", None)


def chosen_room_address() -> str | None:
    """The room-network address picked for links on this server, if any."""
    return _room_address_choice().get("host")


@st.cache_resource
def _room_address_choice() -> dict[str, str]:
    """One per server process: the laptop running the room is one server, and its address
    on the venue's network is the same for every facilitator's browser."""
    return {}
