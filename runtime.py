"""Per-process and per-run context for pages: the database, who is acting, where they are.

Only ids live in st.session_state; everything else is read from the database each run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from adapters import room_links
from db.database import Database
from i18n import N_, _
from services.accounts import signin_accounts
from services.core.actors import Actor
from services.core.vocab import Role
from services.setup import focus as focus_rule
from services.setup.focus import Focus
from settings import Settings, load_settings

ACTOR_KEY = "username"
SIGNIN_VERSION_KEY = "signin_version"
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


def current_actor() -> Actor | None:
    """The signed-in account as an Actor, or None for a visitor with a code."""
    username = st.session_state.get(ACTOR_KEY)
    if not username or not st.session_state.get("authentication_status"):
        return None
    # The version it signed in with: a sign-out elsewhere or a new password ends it too.
    version = st.session_state.get(SIGNIN_VERSION_KEY)
    return signin_accounts.actor_for_username(database(), username, version)


def focus(actor: Actor | None = None) -> Focus:
    """The initiative and meeting this person works on, and what else they could pick.

    The wish is this session's choice, else the one this browser remembers (a cookie);
    services/setup/focus.py keeps it only while it is still one of theirs, not archived.
    """
    actor = actor or current_actor()
    if actor is None:
        return Focus([], [], None, None)
    return focus_rule.resolve(database(), actor, *_wished())


def current_initiative_id(actor: Actor | None = None) -> int | None:
    """The initiative being worked on: the one chosen, else the newest of the actor's own."""
    return focus(actor).initiative_id


def current_meeting_id(initiative_id: int | None, actor: Actor | None = None) -> int | None:
    """The meeting being worked on in that initiative: the one chosen, else its newest."""
    actor = actor or current_actor()
    if initiative_id is None or actor is None:
        return None
    return focus_rule.resolve(database(), actor, initiative_id, _wished()[1]).meeting_id


def choose(initiative_id: int | None, meeting_id: int | None = None) -> None:
    """Work on this initiative (and meeting; None: its newest) from now on, in every screen.

    The choice holds for this session at once; the sidebar writes it to the browser's
    cookie on the next run (components/focus_picker.py), so a reload keeps it.
    """
    st.session_state[INITIATIVE_KEY] = initiative_id
    st.session_state[MEETING_KEY] = meeting_id


def chosen_focus() -> tuple[int | None, int | None] | None:
    """This session's own choice, or None when it has made none."""
    if INITIATIVE_KEY not in st.session_state:
        return None
    return st.session_state.get(INITIATIVE_KEY), st.session_state.get(MEETING_KEY)


def focus_cookie_name() -> str:
    """The cookie that remembers the choice, named after the sign-in cookie of this install."""
    return f"{settings().cookie_name}_focus"


def remembered_focus() -> str:
    """The cookie's value as this browser sent it when the session connected ('' if none)."""
    raw = st.context.cookies.get(focus_cookie_name(), "")
    # AppTest's session has no real browser: its cookies are a stand-in object, not text.
    return raw if isinstance(raw, str) else ""


def focus_cookie_value(initiative_id: int | None, meeting_id: int | None) -> str:
    """The choice as the cookie holds it: "3:7", or "3:" for an initiative's newest meeting."""
    return f"{initiative_id or ''}:{meeting_id or ''}"


def parse_focus_cookie(raw: str) -> tuple[int | None, int | None]:
    """The choice in a cookie value; anything unreadable counts as no choice."""
    first, _, second = (raw or "").partition(":")

    def number(text: str) -> int | None:
        return int(text) if text.isdecimal() and len(text) < 12 else None

    return number(first), number(second)


def _wished() -> tuple[int | None, int | None]:
    # Once this session has chosen, the cookie it connected with is out of date.
    chosen = chosen_focus()
    return chosen if chosen is not None else parse_focus_cookie(remembered_focus())


def query_int(name: str) -> int | None:
    """An integer query parameter, or None when it is missing or not a number."""
    raw = st.query_params.get(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def require_actor() -> Actor:
    """The signed-in actor; stops the page politely if there is none."""
    actor = current_actor()
    if actor is None:
        st.error(_("Sign in on the home page to use this screen."))
        st.stop()
    return actor


def require_meeting(actor: Actor) -> tuple[int, int]:
    """The initiative and meeting in focus; stops the page politely when there is none.

    Only the actor's own (services/core/membership.py), not archived; a scribe's default is the
    newest meeting where they scribe a table (services/setup/focus.py).
    """
    here = focus(actor)
    if here.initiative_id is None:
        st.info(_(_NO_INITIATIVE[actor.role]))
        st.stop()
    if here.meeting_id is None:
        st.info(_(_NO_MEETING[actor.role]))
        st.stop()
    return here.initiative_id, here.meeting_id


_NO_INITIATIVE = {
    Role.FACILITATOR: N_(
        "There is no initiative yet. Start one on Set up › Initiative and meetings."
    ),
    Role.LEADER: N_(
        "You are not on an initiative yet: a leader sees the initiative of the "
        "group they speak for. Ask a facilitator to set your group on Set up › Team and accounts."
    ),
    Role.SCRIBE: N_(
        "You are not on an initiative yet: a scribe sees the initiatives where they "
        "scribe a table. Ask a facilitator to give you a table on Set up › Tables."
    ),
}
_NO_MEETING = {
    Role.FACILITATOR: N_(
        "This initiative has no meeting yet. Add one on Set up › Initiative and meetings."
    ),
    Role.LEADER: N_("This initiative has no meeting yet. A facilitator adds one on Set up."),
    Role.SCRIBE: N_(
        "You scribe no table in a meeting of this initiative yet. Ask a "
        "facilitator to give you a table on Set up › Tables."
    ),
}


def table_number_in_link() -> int | None:
    """The table the page's link names (`?table=N`); None when it names none.

    Stops with a plain message when it is not a number. The screen's read model finds the
    table, or the scribe's own when none is named, in its one read
    (services/room/table_pages.py), so a page looks its table up once.
    """
    _stop_if_table_is_not_a_number()
    return query_int("table")


def _stop_if_table_is_not_a_number() -> None:
    """Stop the page when the link's `?table=` holds something that is not a table number.

    Read as "no table" instead, a scribe's mistyped link would open another view silently.
    """
    raw = (st.query_params.get("table") or "").strip()
    if raw and not raw.isdecimal():
        st.error(
            _(
                "The table in this link is not a number. Check the link on your table card, "
                "or open the page from the menu."
            )
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
    root = room_links.server_root(
        st.context.url,
        st.context.headers.to_dict(),
        str(st.get_option("server.baseUrlPath") or ""),
        int(st.get_option("server.port")),
    )
    chosen = _room_address_choice().get("host")
    if chosen and not room_links.reachable_from_phones(root):
        return room_links.with_host(root, chosen)
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


@dataclass(frozen=True)
class StaffPage:
    """What a signed-in staff screen starts from: who, where, and how to act.

    `act(service_function, *args, done="…")` calls `service_function(db, actor, *args)`,
    shows a refusal in the service's words, or reruns the page with `done` confirmed.
    """

    actor: Actor
    db: Database
    initiative_id: int
    meeting_id: int
    table_number: int | None
    """The link's `?table=N` on a per-table screen; None: the scribe's own, or every table."""
    act: Callable[..., None]


def page(*, with_table: bool = False) -> StaffPage:
    """The preamble every staff screen shared: the signed-in actor (else a sign-in note),
    the initiative and meeting in focus (else what to do about it), the table its link
    names when the screen is per table, and an action runner bound to the database and
    the actor.

    Roles are the navigation's business (screens.py registers each screen only for its
    roles, and Streamlit refuses the others); services check them again on every call.
    """
    from components.notices import action_runner  # noqa: PLC0415 - components import runtime

    actor = require_actor()
    db = database()
    initiative_id, meeting_id = require_meeting(actor)
    table_number = table_number_in_link() if with_table else None
    return StaffPage(actor, db, initiative_id, meeting_id, table_number, action_runner(db, actor))
