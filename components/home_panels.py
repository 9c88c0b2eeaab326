"""The home page's panels: the first account, the first initiative, the demo, what is live."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import runtime
from components.forms import date_pattern
from components.notices import flash_and_rerun, show_error, show_flash
from components.setup.meetings import DEFAULT_START, browser_zone, starts_at, zone_name
from components.text import escape_markdown
from i18n import _
from runtime import Database
from seed.credentials import forget_credentials
from seed.demo_start import start_demo
from services.accounts import first_run
from services.core.actors import Actor
from services.core.errors import DomainError
from services.core.vocab import label
from services.setup import demo, getting_started, initiatives, meetings
from services.setup.home_screen import HomeScreen

SETUP_SCREEN = "views/setup.py"
_DEMO_LOGINS = "_home_demo_logins"
_STARTED = "_home_started_initiative"
_CONFIRM_REMOVAL = "_home_confirm_demo_removal"


def visitor(db: Database, data_dir: Path) -> None:
    """Someone not signed in: the first account's form on an empty install, else a welcome."""
    if first_run.first_account_needed(db, data_dir):
        first_account_form(db, data_dir)
        return
    show_flash()
    st.write(
        _(
            "A live workspace for community–police problem-solving meetings. Facilitators, "
            "table scribes and Thought Leader Team members sign in above."
        )
    )
    if st.query_params.get("setup"):
        st.info(
            _(
                "This setup link has been used: the first facilitator account exists. "
                "Sign in above with it."
            )
        )
    st.info(
        _(
            "Taking part in a meeting? Open the link or scan the QR code on your name badge: "
            "it takes you straight to the survey or to voting, no account needed."
        )
    )


def first_account_form(db: Database, data_dir: Path) -> None:
    """Create the first facilitator account, with the setup code the start printed."""
    st.subheader(_("Create the first facilitator account"))
    st.write(
        _(
            "Nobody has an account yet. Create yours: you will then sign in with it, start "
            "an initiative and open accounts for scribes and Thought Leader Team members."
        )
    )
    st.caption(
        _(
            "The setup code is in the link printed in the terminal where the app was "
            "started (`make run`); opening that link fills it in. It works once."
        )
    )
    with st.form("first_account"):
        code = st.text_input(_("Setup code"), value=st.query_params.get("setup", ""))
        username = st.text_input(
            _("Username to sign in with"), placeholder="maria.lopez", autocomplete="username"
        )
        # Translators: an example of a person's name, as the placeholder of a name field.
        name = st.text_input(_("Your name"), placeholder=_("Maria Lopez"))
        password = st.text_input(
            _("Password (at least 10 characters)"),
            type="password",
            autocomplete="new-password",
        )
        again = st.text_input(
            _("The same password again"), type="password", autocomplete="new-password"
        )
        submitted = st.form_submit_button(_("Create the account"), type="primary")
    if not submitted:
        return
    try:
        account = first_run.create_first_facilitator(
            db,
            data_dir,
            code,
            first_run.FirstLogin(
                username=username, display_name=name, password=password, password_again=again
            ),
        )
    except DomainError as error:
        show_error(error)
        return
    if "setup" in st.query_params:
        del st.query_params["setup"]  # used up: a bookmark of it would only confuse
    login = escape_markdown(account.username)  # underscores in it are not emphasis
    flash_and_rerun(
        _("Your facilitator account “{login}” is ready. Sign in above.").format(login=login)
    )


def facilitator_start(db: Database, actor: Actor, data_dir: Path) -> None:
    """No initiative yet: try the demo, or start one's own."""
    if not actor.is_facilitator:
        st.info(_("There is no initiative yet. A facilitator starts one from the home page."))
        return
    st.write(_("There is no initiative yet. Try the app on a demo, or start your own."))
    demo_side, own_side = st.columns(2, gap="large")
    with demo_side, st.container(border=True):
        st.subheader(_("Start with the demo"))
        st.write(
            _(
                "A made-up city's initiative: eight stakeholder groups, 56 people at eight "
                "tables, an agenda through the seven skills, and logins for its facilitator, "
                "scribes and leaders. Remove it from this page when you start for real."
            )
        )
        if st.button(_("Start with the demo")):
            _seed_demo(db, actor, data_dir)
    with own_side, st.container(border=True):
        st.subheader(_("Start a new initiative"))
        _new_initiative_form(db, actor)


def _seed_demo(db: Database, actor: Actor, data_dir: Path) -> None:
    with st.spinner(_("Adding the demo: groups, 56 people, tables, agenda and logins…")):
        try:
            started = start_demo(db, data_dir, actor)
        except DomainError as error:
            show_error(error)
            return
    st.session_state[_DEMO_LOGINS] = {
        "usernames": started.summary.usernames,
        "passwords": started.passwords,
        "kept_in": str(started.kept_in) if started.kept_in else "",
    }
    st.rerun()


def _new_initiative_form(db: Database, actor: Actor) -> None:
    with st.form("new_initiative"):
        name = st.text_input(
            _("Initiative name"), placeholder=_("Eastside Community–Police Initiative")
        )
        city = st.text_input(_("City"))
        purpose = st.text_area(
            _("Purpose"), placeholder=_("What the initiative sets out to change")
        )
        st.markdown("**" + _("Its first meeting") + "**")
        title = st.text_input(
            _("Meeting title"), placeholder=_("Community Problem-Solving Session")
        )
        day = st.date_input(_("Meeting date"), value=None, format=date_pattern())
        # In the browser's time zone, named, as Set up's meeting form: the laptop serving
        # the app may keep another (a server's is often UTC).
        zone = browser_zone()
        hour = st.time_input(
            _("Start time ({zone})").format(zone=zone_name(zone)), value=DEFAULT_START
        )
        place = st.text_input(_("Place"), placeholder=_("Community center, main hall"))
        submitted = st.form_submit_button(_("Start the initiative"), type="primary")
    if not submitted:
        return
    starts = starts_at(day, hour, zone)
    try:
        started = getting_started.start_initiative(
            db,
            actor,
            initiatives.InitiativeFields(name=name, city=city, purpose=purpose),
            meetings.MeetingFields(title=title, starts_at=starts, location=place),
        )
    except DomainError as error:
        show_error(error)
        return
    st.session_state[_STARTED] = started.initiative_id
    # Every screen works on the new initiative from now on, not on whichever was newest.
    runtime.choose(started.initiative_id, started.meeting_id)
    st.rerun()


def just_started(db: Database, actor: Actor) -> None:
    """Once, after a start: the next step, or the demo's logins."""
    started = st.session_state.pop(_STARTED, None)
    if started is not None:
        initiative = initiatives.get_initiative(db, started, actor=actor)
        st.success(
            _(
                "{initiative} is started with its first meeting. Next, on Set up: its "
                "stakeholder groups, the roster, tables and accounts."
            ).format(initiative=escape_markdown(initiative.name))
        )
        st.page_link(SETUP_SCREEN, label=_("Open Set up"), icon=":material/settings:")
    logins = st.session_state.pop(_DEMO_LOGINS, None)
    if logins is not None:
        _demo_logins(logins)


def _demo_logins(logins: dict) -> None:
    with st.container(border=True):
        st.success(_("The demo is ready. Its logins, shown this once:"))
        if not logins["passwords"]:
            usernames = ", ".join(logins["usernames"])
            st.text(_("Usernames: {usernames}").format(usernames=usernames))
            st.text(_("Password: the DEMO_PASSWORD set for this server, for every demo login."))
        else:
            st.text(_("Each login has its own password:"))
            lines = (f"{user}  {password}" for user, password in logins["passwords"].items())
            st.code("\n".join(lines), language=None)
        if logins["kept_in"]:
            st.caption(
                _("The passwords are also kept on this computer in {path}.").format(
                    path=logins["kept_in"]
                )
            )


def live_now(screen: HomeScreen) -> None:
    """The initiative in focus and where its meeting is."""
    st.subheader(escape_markdown(screen.initiative or ""))
    meeting = screen.meeting
    if meeting is None:
        return
    st.write(
        _("Meeting: {title} · {status}").format(
            title=escape_markdown(meeting.title), status=label(meeting.status)
        )
    )
    if meeting.step_position is not None:
        now = (
            _("Now: step {position}, {title} (open for input)")
            if meeting.input_open
            else _("Now: step {position}, {title} (input closed)")
        )
        title = escape_markdown(meeting.step_title)
        st.write(now.format(position=meeting.step_position, title=title))
    else:
        st.write(_("The meeting has not started a step yet."))


def remove_demo(db: Database, actor: Actor, data_dir: Path, screen: HomeScreen) -> None:
    """For facilitators while the demo is here: remove it, after saying what goes."""
    if screen.demo is None:
        return
    names = ", ".join(f"“{name}”" for name in screen.demo) or _("none left")
    with st.container(border=True):
        st.subheader(_("The demo"))
        st.write(
            _(
                "This install has the demo ({names}) and its logins. Remove them when you "
                "start for real; nothing else is touched."
            ).format(names=escape_markdown(names))
        )
        if not st.session_state.get(_CONFIRM_REMOVAL):
            if st.button(_("Remove the demo")):
                st.session_state[_CONFIRM_REMOVAL] = True
                st.rerun()
            return
        st.warning(
            _(
                "Remove the demo initiative with its meetings, people, notes and votes, and "
                "the demo's logins? This cannot be undone."
            )
        )
        yes, no = st.columns(2)
        if no.button(_("Keep the demo")):
            st.session_state.pop(_CONFIRM_REMOVAL, None)
            st.rerun()
        if yes.button(_("Yes, remove the demo"), type="primary"):
            st.session_state.pop(_CONFIRM_REMOVAL, None)
            try:
                removed = demo.remove_demo(db, actor)
            except DomainError as error:
                show_error(error)
                return
            forget_credentials(data_dir)
            flash_and_rerun(
                _("The demo is removed: {initiatives} initiative(s) and {logins} login(s).").format(
                    initiatives=len(removed.initiatives), logins=len(removed.usernames)
                )
            )
