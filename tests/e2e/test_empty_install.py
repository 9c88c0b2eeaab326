"""A real meeting from an empty install, through the screens only, as a new facilitator runs it.

Nothing here is seeded or built by the test: the first account comes from the link the
server prints, every other record from a screen, and every link a phone, tablet or
projector opens is read from the pixels of a QR code the app printed or showed. The
database is read only to check what a screen said. The meeting runs behind deploy/'s
nginx configuration, where every link must carry nginx's address, not the app server's:
the screens are the same as on a laptop's own server, and the links a laptop's server
prints (its own address, or the room network's) are read from the QR codes by
test_links.py. The terminal's setup link is the app server's own address, as a laptop
prints it; test_first_run.py starts an empty install with the demo instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from sqlalchemy import func, select

from db.models import (
    Initiative,
    Meeting,
    MeetingTable,
    Participant,
    Stakeholder,
    SurveyResponse,
    Vote,
)
from services.accounts import first_run
from tests.browser import (
    LAPTOP,
    PHONE,
    PROJECTOR,
    TABLET,
    button,
    choose,
    click,
    device,
    open_screen,
    open_tab,
    sign_in,
    snap,
    wait_idle,
)
from tests.deploy import nginx
from tests.e2e.test_first_run import (
    PASSWORD,
    create_first_facilitator,
    empty_install,
    setup_link_from_the_terminal,
)
from tests.e2e.test_room import _dots, _move_to_step, _pick
from tests.qr_reading import decode_on_screen, decode_png

pytestmark = pytest.mark.e2e

ERROR = '[data-testid="stException"]'
SCRIBE_PASSWORD = "tablet-at-table-one"
LEADER_PASSWORD = "police-leader-approves"
IDEAS = (
    "Send a mental health clinician with officers on crisis calls",
    "Publish response times by neighbourhood every month",
)
ROSTER = (
    b"Name,Stakeholder group,Email\n"
    b"Ana Ruiz,police department,ana@example.org\n"  # case differs
    b"Ben Okafor,Residents  who call 911,\n"  # two spaces
    b"Cleo Park,Residents who call 911,cleo@example.org\n"
    b"Dee Young,youth,\n"
    b"Eli Stone,Yuoth,\n"  # a near miss: refused with "did you mean"
    b"Fay Lin,Police Department,not-an-email\n"  # a bad email: refused
    b"Gus Moe,Police Department,\n"
    b"Ida Shaw,Youth,\n"
)


@contextmanager
def behind_nginx(server_url: str, folder: Path) -> Iterator[str]:
    """The address people use: deploy/'s nginx in front of the app server."""
    proxy = nginx.start(folder / "nginx", [server_url.removeprefix("http://")])
    try:
        yield proxy.url
    finally:
        nginx.stop(proxy)


def _expand(page: Page, label: str) -> None:
    """Open an expander unless it is open already (a rerun keeps it as it was)."""
    summary = page.locator("details > summary", has_text=label)
    if summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()
    page.wait_for_timeout(300)
    wait_idle(page)


def _no_error(page: Page) -> None:
    expect(page.locator(ERROR)).to_have_count(0)


def _open(context: BrowserContext, link: str) -> Page:
    page = context.new_page()
    page.goto(link)
    wait_idle(page)
    _no_error(page)
    return page


def _printed(page: Page, button: str, folder: Path, name: str) -> Path:
    """Download a printable sheet and keep it as the printer would get it."""
    with page.expect_download() as sheet:
        page.get_by_role("button", name=button).click()
    path = folder / name
    sheet.value.save_as(path)
    return path


def _read(code: Locator) -> str:
    code.scroll_into_view_if_needed()
    [link] = decode_png(code.screenshot())
    return link


def test_a_meeting_from_an_empty_install_through_the_screens_behind_nginx(
    browser: Browser, screenshots: Path, tmp_path: Path
) -> None:
    with empty_install(tmp_path) as (server, db), behind_nginx(server.url, tmp_path) as base:
        _run_the_meeting(browser, screenshots, tmp_path, server, db, base)


def _run_the_meeting(browser, screenshots, tmp_path, server, db, base) -> None:
    shot = lambda page, name: snap(page, screenshots, name)  # noqa: E731

    # The first account, from the link the terminal printed: the app server's own address,
    # which behind nginx the operator opens at the public one. The one-time code is gone
    # from the server's folder once used.
    link, code = setup_link_from_the_terminal(server)
    assert link == f"{server.url}/?setup={code}", link
    link = link.replace(server.url, base)
    laptop = device(browser, LAPTOP).new_page()
    create_first_facilitator(laptop, link, code, screenshots, "first-run")
    assert not first_run.setup_code_path(tmp_path).exists()
    sign_in(laptop, base, "maria.lopez", PASSWORD)

    # A new initiative and its first meeting, from the home page, where the demo is offered.
    expect(laptop.get_by_role("heading", name="Start a new initiative")).to_be_visible()
    expect(button(laptop, "Start with the demo")).to_be_visible()
    shot(laptop, "first-run-choices-laptop")
    laptop.get_by_label("Initiative name").fill("Eastside Community–Police Initiative")
    laptop.get_by_label("City").fill("Eastside")
    laptop.get_by_label("Purpose").fill("Agree how the city answers crisis calls.")
    laptop.get_by_label("Meeting title").fill("First problem-solving session")
    # A date field of year, month and day segments: typing moves from one to the next.
    laptop.get_by_role("spinbutton", name="year, Meeting date").click()
    laptop.keyboard.type("20270306")
    laptop.get_by_label("Place").fill("Eastside Library")
    click(laptop, "Start the initiative")
    expect(laptop.get_by_text("is started with its first meeting")).to_be_visible()
    shot(laptop, "first-run-started-laptop")
    laptop.get_by_role("link", name="Open Set up").click()
    wait_idle(laptop)
    expect(laptop.get_by_role("heading", name="Set up")).to_be_visible()
    shot(laptop, "first-run-setup-laptop")
    with db.read() as s:
        meeting = s.scalars(select(Meeting)).one()
        assert (meeting.title, meeting.location) == (
            "First problem-solving session",
            "Eastside Library",
        )
        assert meeting.starts_at is not None
        assert meeting.starts_at.date().isoformat() == "2027-03-06"
        assert s.scalars(select(Initiative.name)).one() == "Eastside Community–Police Initiative"

    # Groups, one of them added by mistake and removed.
    open_tab(laptop, "Groups")
    for name, kind in (
        ("Police Department", "Police department"),
        ("Residents who call 911", "Residents who call 911"),
        ("Youth", "Youth"),
        ("Polce", "Police department"),
    ):
        laptop.get_by_label("New group's name").fill(name)
        choose(laptop, "Category", kind, exact=True)
        click(laptop, "Add the group")
        expect(laptop.get_by_text("Group added.")).to_be_visible()
    choose(laptop, "Group to change", "Polce")
    click(laptop, "Delete this group")
    expect(laptop.get_by_text("Polce is deleted.")).to_be_visible()

    # Two tables, and a spare one added and removed again; then the logins: a scribe for
    # table 1 and the police's leader.
    open_tab(laptop, "Tables")
    for _ in range(2):
        click(laptop, "Add a table")
    laptop.get_by_label("New table's name (optional)").fill("Spare")
    click(laptop, "Add a table")
    expect(laptop.get_by_text("Table 3 (Spare) added.")).to_be_visible()
    # The remove form starts on the last table: the new, empty one.
    click(laptop, "Remove the table")
    expect(laptop.get_by_text("Table 3 (Spare) removed.")).to_be_visible()
    open_tab(laptop, "Team and accounts")
    for username, name, role, group, password in (
        ("scribe.one", "Sam Scribe", "Scribe", None, SCRIBE_PASSWORD),
        ("leader.police", "Lee Chief", "Leader", "Police Department", LEADER_PASSWORD),
    ):  # fmt: skip
        _expand(laptop, "Add an account")
        laptop.get_by_label("Username (lowercase letters, digits, . - _)").fill(username)
        laptop.get_by_label("Name shown to others").fill(name)
        choose(laptop, "Role", role)
        if group:
            choose(laptop, "Speaks for (leaders)", group)
        laptop.get_by_label("Password (at least 10 characters)").fill(password)
        click(laptop, "Add the account")
        expect(laptop.get_by_text("Account added.")).to_be_visible()
        # The confirmation leaves the facilitator on the tab they were working in.
        expect(laptop.get_by_role("tab", name="Team and accounts")).to_have_attribute(
            "aria-selected", "true"
        )
    open_tab(laptop, "Tables")
    _expand(laptop, "Give a table its scribe")
    click(laptop, "Assign the scribe")
    expect(laptop.get_by_text("Scribe assigned.")).to_be_visible()

    # The roster from a hand-typed file: spelling forgiven, two rows refused with reasons.
    open_tab(laptop, "People")
    laptop.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": ROSTER}]
    )
    wait_idle(laptop)
    expect(laptop.get_by_text("6 to add, 2 with problems.")).to_be_visible()
    problems = laptop.locator('[data-testid="stDataFrame"]').filter(has_text="Problems")
    expect(problems.locator("td", has_text="did you mean “Youth”?")).to_have_count(1)
    shot(laptop, "empty-install-roster-problems")
    click(laptop, "Import only the good rows")
    expect(laptop.get_by_text(re.compile(r"^Added 6 people: .*2 rows skipped"))).to_be_visible()
    # The near miss was a youth: the facilitator renames the group to what people wrote.
    open_tab(laptop, "Groups")
    choose(laptop, "Group to change", "Youth")
    laptop.get_by_label("Group's name", exact=True).fill("Youth (16–24)")
    click(laptop, "Save the group")
    expect(laptop.get_by_text("Group saved.")).to_be_visible()

    # A walk-in at the door gets a table with room and a badge on screen.
    open_tab(laptop, "People")
    laptop.get_by_label("Walk-in's name").fill("Hana Diaz")
    choose(laptop, "Their group", "Youth (16–24)")
    click(laptop, "Add them and find a seat")
    expect(
        laptop.get_by_text(re.compile(r"Hana Diaz is on the roster and sits at Table"))
    ).to_be_visible()
    walk_in = decode_on_screen(laptop)
    assert len(walk_in) == 1 and urlsplit(walk_in[0]).path == "/vote", walk_in
    assert walk_in[0].startswith(f"{base}/"), walk_in
    # The code named in words for a screen reader, and the badge ready to print. Slashes
    # escaped: Playwright writes the pattern into a /…/ selector.
    said = re.escape(walk_in[0]).replace("/", "\\/")
    expect(laptop.get_by_role("img", name=re.compile(f"^QR code for {said}$"))).to_be_visible()
    expect(button(laptop, "Download their badge (one page to print)")).to_be_visible()
    # Beside the QR code, the code to type for someone who cannot scan it.
    [typed] = parse_qs(urlsplit(walk_in[0]).query)["code"]
    expect(laptop.get_by_text(f"Code: {typed[:4]}-{typed[4:]}")).to_be_visible()
    shot(laptop, "empty-install-walk-in")

    # Everyone seated, groups mixed across the two tables.
    open_tab(laptop, "Tables")
    _expand(laptop, "Seat everyone automatically")
    click(laptop, "Use this seating")
    expect(laptop.get_by_text("Everyone has a seat.")).to_be_visible()

    # Invitations printed from Prepare; one is scanned and answered on a phone.
    open_screen(laptop, "prepare")
    _no_error(laptop)
    click(laptop, "Prepare the invitation sheet")
    sheet = _printed(laptop, "Download the invitation sheet", tmp_path, "invitations.html")
    paper = device(browser, LAPTOP).new_page()
    paper.goto(sheet.as_uri())
    assert paper.locator("article.invitation").count() == 7
    invitation = paper.locator("article.invitation").first
    survey = _read(invitation.locator(".step.survey svg"))
    assert urlsplit(survey).path == "/survey" and survey.startswith(f"{base}/"), survey
    survey_phone = _open(device(browser, PHONE), survey)
    expect(survey_phone.get_by_role("heading", name="Before we meet")).to_be_visible()
    survey_phone.get_by_label("The top issues for you").fill("Response times at night")
    survey_phone.get_by_label("Solutions you would propose").fill("A crisis team on call")
    survey_phone.get_by_label("What you want from the meeting").fill("A plan we all back")
    click(survey_phone, "Send my answers")
    expect(survey_phone.get_by_text("Saved. You can change your answers")).to_be_visible()
    shot(survey_phone, "empty-install-survey-phone")
    laptop.reload()
    wait_idle(laptop)
    expect(laptop.get_by_text("1 of 7 people have answered the survey.")).to_be_visible()

    # The standard agenda; the police's leader approves it from their own laptop.
    open_screen(laptop, "agenda")
    click(laptop, "Start from the standard agenda (10 steps, the seven skills)")
    expect(laptop.get_by_text("The standard agenda is in place.")).to_be_visible()
    leader = device(browser, LAPTOP).new_page()
    sign_in(leader, base, "leader.police", LEADER_PASSWORD)
    open_screen(leader, "agenda")
    click(leader, "Approve this agenda")
    expect(leader.get_by_text("Approved by the Thought Leader Team")).to_be_visible()
    shot(leader, "empty-install-agenda-approved")

    # Badges and the projector link, as the console prints and shows them.
    open_screen(laptop, "console")
    open_tab(laptop, "Join links and QR codes")
    shown = decode_on_screen(laptop)
    assert all(link.startswith(f"{base}/") for link in shown), shown
    projector_link = next(link for link in shown if urlsplit(link).path == "/projector")
    table_link = next(link for link in shown if urlsplit(link).path == "/listen")
    badges = _printed(laptop, "Download badge codes (one page)", tmp_path, "badges.html")
    paper.goto(badges.as_uri())
    printed_badges = paper.locator("article.badge svg")
    assert printed_badges.count() == 7
    votes = [_read(printed_badges.nth(i)) for i in range(2)]
    assert all(urlsplit(v).path == "/vote" and v.startswith(f"{base}/") for v in votes), votes
    wall = _open(device(browser, PROJECTOR), projector_link)

    # The room: the meeting starts, the idea step opens, the scribe adds the table's ideas.
    open_tab(laptop, "The room")
    click(laptop, "Start the meeting")
    _move_to_step(laptop, 4)
    # Arriving on the ideas step opened its input: the console offers to close it.
    expect(button(laptop, "Close input")).to_be_visible()
    tablet = device(browser, TABLET).new_page()
    sign_in(tablet, base, "scribe.one", SCRIBE_PASSWORD)
    tablet.goto(table_link)
    wait_idle(tablet)
    _no_error(tablet)
    number = parse_qs(urlsplit(table_link).query)["table"][0]
    tablet.goto(f"{base}/ideas?table={number}")
    wait_idle(tablet)
    for idea in IDEAS:
        tablet.get_by_label("The idea").fill(idea)
        click(tablet, "Add idea")
        expect(tablet.get_by_text("Idea added.")).to_be_visible()
        expect(wall.get_by_text(idea)).to_be_visible(timeout=10_000)
    shot(tablet, "empty-install-ideas-tablet")

    # A dot vote on the two ideas, opened, and the room moved to the vote.
    open_screen(laptop, "converge")
    laptop.get_by_label("Round title").fill("What should the city do first?")
    _pick(laptop, "Ideas on the ballot", list(IDEAS))
    click(laptop, "Create the round")
    click(laptop, "Open voting")
    open_screen(laptop, "console")
    _move_to_step(laptop, 5)

    # Two phones, each from the QR code on its printed badge.
    phones = [_open(device(browser, PHONE), link) for link in votes]
    for phone in phones:
        expect(phone.get_by_text("5 of 5 dots left")).to_be_visible()
    _dots(phones[0], IDEAS[0], 3)
    _dots(phones[0], IDEAS[1], 2)
    _dots(phones[1], IDEAS[0], 3)
    expect(phones[0].get_by_text("0 of 5 dots left")).to_be_visible()
    shot(phones[0], "empty-install-vote-phone")

    # While voting runs, the projector opened from its printed link counts the voters and
    # keeps the results back; the facilitator closes the vote and reveals them.
    expect(wall.get_by_text(re.compile(r"^2 of \d+ have voted$"))).to_be_visible()
    expect(wall.get_by_text("Results: What should the city do first?")).to_have_count(0)
    open_screen(laptop, "converge")
    click(laptop, "Close voting")
    click(laptop, "Reveal the results on the projector")
    expect(wall.get_by_text("Results: What should the city do first?")).to_be_visible()
    # The counts themselves, not only the order: 3 + 3 dots and 2, with 2 and 1 voters.
    rows = wall.locator(".pj-row")
    expect(rows.nth(0)).to_contain_text(IDEAS[0], timeout=10_000)
    expect(rows.nth(0)).to_contain_text("6 dots from 2 people")
    expect(rows.nth(1)).to_contain_text(IDEAS[1])
    expect(rows.nth(1)).to_contain_text("2 dots from 1 person")
    shot(wall, "empty-install-projector-results")

    with db.read() as s:
        assert sorted(s.scalars(select(Vote.dots))) == [2, 3, 3]
        assert s.scalar(select(func.count()).select_from(SurveyResponse)) == 1
        assert s.scalar(select(func.count()).select_from(Participant)) == 7
        groups = set(s.scalars(select(Stakeholder.name)))
        assert list(s.scalars(select(MeetingTable.number).order_by(MeetingTable.number))) == [1, 2]
    assert groups == {"Police Department", "Residents who call 911", "Youth (16–24)"}
