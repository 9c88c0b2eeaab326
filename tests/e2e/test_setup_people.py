"""Correcting the set-up on the facilitator's laptop: a walk-in, a group added by mistake,
a table added and removed, through the real app in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import MeetingTable, Participant, Stakeholder
from tests.browser import LAPTOP, choose, click, device, open_screen, open_tab, sign_in, snap
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def laptop(browser: Browser, demo: Demo) -> Page:
    page = device(browser, LAPTOP).new_page()
    sign_in(page, demo.url, "facilitator", PASSWORD)
    open_screen(page, "setup")
    return page


def test_a_walk_in_gets_a_table_and_a_badge_with_their_voting_qr(
    laptop: Page, demo: Demo, screenshots: Path
) -> None:
    open_tab(laptop, "People")
    laptop.get_by_label("Walk-in's name").fill("Dana Walk-in")
    choose(laptop, "Their group", "Youth")
    click(laptop, "Add them and find a seat")
    # The page says so once the run that saved them has ended: only then is the row there
    # to read (a click whose run had not started yet when wait_idle looked read nothing).
    expect(laptop.get_by_text(re.compile(r"^Dana Walk-in is on the roster"))).to_be_visible()
    with demo.db.read() as s:
        code, number = s.execute(
            select(Participant.code, MeetingTable.number)
            .join(MeetingTable, MeetingTable.id == Participant.table_id)
            .where(Participant.name == "Dana Walk-in")
        ).one()
    expect(
        laptop.get_by_text(f"Dana Walk-in is on the roster and sits at Table {number}")
    ).to_be_visible()
    expect(laptop.get_by_text(f"Table: Table {number}")).to_be_visible()
    # The base address is runtime.public_base_url()'s to choose; the code is this person's.
    # Slashes escaped: Playwright writes the pattern into a /…/ selector.
    pattern = rf"^QR code for http\S*\/vote\?code={re.escape(code)}$"
    qr = laptop.get_by_role("img", name=re.compile(pattern))
    expect(qr).to_be_visible()
    expect(
        laptop.get_by_role("button", name="Download their badge (one page to print)")
    ).to_be_visible()
    qr.scroll_into_view_if_needed()
    snap(laptop, screenshots, "setup-people-walk-in-laptop")


def test_a_group_added_by_mistake_is_removed(laptop: Page, demo: Demo, screenshots: Path) -> None:
    open_tab(laptop, "Groups")
    laptop.get_by_label("New group's name").fill("Added by mistake")
    click(laptop, "Add the group")
    # Confirmed in the tab the facilitator is on, which stays open.
    expect(laptop.get_by_text("Group added.")).to_be_visible()
    choose(laptop, "Group to change", "Added by mistake")
    click(laptop, "Delete this group")
    expect(laptop.get_by_text("Added by mistake is deleted.")).to_be_visible()
    with demo.db.read() as s:
        names = set(s.scalars(select(Stakeholder.name)))
    assert "Added by mistake" not in names and "Youth" in names
    snap(laptop, screenshots, "setup-groups-after-delete-laptop")


def test_an_empty_table_is_added_then_removed(laptop: Page, demo: Demo, screenshots: Path) -> None:
    def numbers() -> list[int]:
        with demo.db.read() as s:
            return list(s.scalars(select(MeetingTable.number).order_by(MeetingTable.number)))

    before = numbers()
    open_tab(laptop, "Tables")
    laptop.get_by_label("New table's name (optional)").fill("Spare")
    click(laptop, "Add a table")
    added = max(before) + 1
    expect(laptop.get_by_text(f"Table {added} (Spare) added.")).to_be_visible()
    assert numbers() == [*before, added]
    snap(laptop, screenshots, "setup-tables-added-laptop")
    # The remove form starts on the last table: the new, empty one.
    click(laptop, "Remove the table")
    expect(laptop.get_by_text(f"Table {added} (Spare) removed.")).to_be_visible()
    assert numbers() == before
