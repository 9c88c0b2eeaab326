"""A facilitator brings in a Pol.is conversation as Pol.is offers it today: the zip of the
report page's dated files. Its results appear on Converge with the data's credit, its
voters stay off the roster, and no badge is printed for them.

The data is the Pol.is open data set london.youth.policing, CC BY 4.0, The Computational
Democracy Project (see ../shared/data/polis-london-youth-policing-today-names/ATTRIBUTION.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import func, select

from db.models import Participant, VotingRound
from services.prepare.imported_credit import IMPORTED_NOTE
from tests.app_server import ROOT
from tests.browser import LAPTOP, device, open_screen, signed_in, snap, wait_idle
from tests.e2e.conftest import PASSWORD, Demo

pytestmark = pytest.mark.e2e

ZIP = ROOT.parent / "shared" / "data" / "polis-london-youth-policing-today-names.zip"


def test_the_zip_pol_is_offers_today_imports_and_its_results_carry_the_credit(
    browser: Browser, demo: Demo, screenshots: Path
) -> None:
    laptop = device(browser, LAPTOP)
    try:
        page = laptop.new_page()
        signed_in(page, demo.url, "facilitator", PASSWORD)
        with demo.db.read() as s:
            roster_before = s.scalar(
                select(func.count()).select_from(Participant).where(~Participant.outside_voter)
            )
        open_screen(page, "prepare")
        uploader = page.get_by_test_id("stFileUploader").filter(has_text="Pol.is export")
        uploader.locator('input[type="file"]').set_input_files(str(ZIP))
        wait_idle(page)
        page.get_by_role("button", name="Import the conversation").click()
        wait_idle(page)
        expect(page.get_by_text("Conversation imported", exact=False)).to_be_visible()
        with demo.db.read() as s:
            title = s.scalar(select(VotingRound.title).where(VotingRound.title.like("Pol.is:%")))
            voters = s.execute(
                select(func.count()).select_from(Participant).where(Participant.outside_voter)
            ).scalar_one()
            roster_after = s.scalar(
                select(func.count()).select_from(Participant).where(~Participant.outside_voter)
            )
        assert title and title.startswith("Pol.is: What is the best way to engage")
        assert voters > 0 and roster_after == roster_before

        open_screen(page, "converge")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("Pol.is: What is the best way", exact=False).first).to_be_visible()
        expect(main.get_by_text("CC BY 4.0", exact=False).first).to_be_visible()
        snap(page, screenshots, "polis-import-converge-laptop")

        # The statements themselves are on the facilitator's idea board: credited there too.
        open_screen(page, "ideas")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text(IMPORTED_NOTE, exact=False)).to_be_visible()
        expect(main.get_by_text("CC BY 4.0", exact=False).first).to_be_visible()
        snap(page, screenshots, "polis-import-ideas-laptop")
    finally:
        laptop.close()
