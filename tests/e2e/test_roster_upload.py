"""Set up › People, at laptop size: a roster typed by people, not by a database.

A curly apostrophe, capitals and an en dash are the groups they look like; a misspelt
group is refused with the group it most likely meant; a bad email is refused; the good
rows go in, the uploader empties, and a sentence says who was added to which group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Participant
from tests.browser import LAPTOP, device, open_screen, snap, wait_idle
from tests.e2e.conftest import Demo, kept_signed_in
from tests.languages import english_left, people_text, staff_choose

pytestmark = pytest.mark.e2e

ROSTER = (
    "Name,Stakeholder group,E-mail\n"
    "Ana Quill,Mayor’s office,ana.quill@example.org\n"  # curly apostrophe, small o
    "Ben Quill,POLICE DEPARTMENT,\n"  # capitals
    "Cy Quill,Polce Department,cy.quill@example.org\n"  # a near miss
    "Dee Quill,Youth,not-an-email\n"  # a bad row
    "Eve Quill,Community – Police Commission,\n"  # an en dash with spaces
).encode()


@pytest.fixture(scope="module")
def laptop(browser: Browser, demo: Demo) -> Iterator[Page]:
    with kept_signed_in(device(browser, LAPTOP), demo.url, "facilitator") as page:
        yield page


def _people_tab(page: Page, base: str) -> None:
    open_screen(page, "setup")
    page.get_by_role("tab", name="People").click()
    wait_idle(page)


def _quills(demo: Demo) -> list[str]:
    with demo.db.read() as s:
        names = s.scalars(select(Participant.name).where(Participant.name.like("% Quill")))
        return sorted(names)


def test_a_hand_typed_roster_is_forgiven_its_spelling_and_the_upload_clears_after_import(
    laptop: Page, demo: Demo, screenshots: Path
) -> None:
    _people_tab(laptop, demo.url)
    uploader = laptop.locator(".st-key-roster_upload_0")
    expect(uploader.get_by_text("2MB per file")).to_be_visible()
    uploader.locator('input[type="file"]').set_input_files(
        files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": ROSTER}]
    )
    wait_idle(laptop)
    expect(laptop.get_by_text("3 to add, 2 with problems.")).to_be_visible()
    problems = laptop.locator('[data-testid="stDataFrame"]').filter(has_text="Problems")
    expect(problems).to_be_visible()
    # The grid draws on a canvas; its cells' text is in the table it keeps for screen readers.
    for said in ("did you mean “Police Department”?", "“not-an-email” is not an email address"):
        expect(problems.locator('td[role="gridcell"]', has_text=said)).to_have_count(1)
    snap(laptop, screenshots, "roster-upload-problems-laptop")

    laptop.get_by_role("button", name="Import only the good rows").click()
    wait_idle(laptop)
    expect(
        laptop.get_by_text(
            "Added 3 people: 1 Community-Police Commission, 1 Mayor's Office, "
            "1 Police Department. 2 rows skipped (rows 4, 5)."
        )
    ).to_be_visible()
    assert _quills(demo) == ["Ana Quill", "Ben Quill", "Eve Quill"]
    fresh = laptop.locator(".st-key-roster_upload_1")
    expect(fresh.locator('input[type="file"]')).to_have_count(1)
    expect(fresh.get_by_text("roster.csv")).to_have_count(0)
    expect(laptop.get_by_role("button", name="Import only the good rows")).to_have_count(0)
    snap(laptop, screenshots, "roster-upload-imported-laptop")


def test_the_uploader_speaks_spanish_to_a_spanish_reader_its_refusals_too(
    laptop: Page, demo: Demo, screenshots: Path
) -> None:
    staff_choose(laptop, "Español")
    # The menu's landmark is named in the new language at once, not after a reload.
    expect(laptop.get_by_role("navigation", name="Menú", exact=True)).to_be_visible()
    open_screen(laptop, "setup")
    laptop.get_by_role("tab", name="Personas").click()
    wait_idle(laptop)
    uploader = laptop.get_by_test_id("stFileUploader")
    # Streamlit's own words, which it writes in English whatever the page's language.
    expect(uploader.get_by_role("button", name="Subir archivo", exact=True)).to_be_visible()
    expect(uploader.get_by_text("2MB por archivo • CSV, XLSX", exact=True)).to_be_visible()
    assert uploader.locator('input[type="file"]').get_attribute("aria-label") == "subir un archivo"
    # A file of the wrong kind: the refusal is Streamlit's, drawn as the page runs no script.
    uploader.locator('input[type="file"]').set_input_files(
        files=[{"name": "lista.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}]
    )
    expect(uploader.get_by_role("alert")).to_have_text(
        "Error: No se admiten archivos de tipo application/pdf."
    )
    expect(uploader.get_by_role("button", name="Quitar lista.pdf", exact=True)).to_be_visible()
    expect(uploader.get_by_role("button", name="Agregar archivos", exact=True)).to_be_visible()
    assert not english_left(laptop, "the roster uploader in Spanish", people_text(demo.db))
    # The names Streamlit gives its own controls, which a screen reader says: in Spanish.
    help_icon = "Ayuda sobre Importar personas desde un archivo CSV o Excel (.xlsx)"
    expect(
        laptop.get_by_role("button", name=re.compile(f"^{re.escape(help_icon)}"))
    ).to_be_visible()
    for name in ("Buscar", "Pantalla completa", "Mostrar u ocultar columnas"):
        expect(laptop.get_by_role("button", name=name, exact=True).first).to_be_attached()
    assert not laptop.get_by_role("button", name="Search", exact=True).count()
    expect(laptop.locator('[aria-label="Cerrar el panel lateral"]')).not_to_have_count(0)
    # And the first link a keyboard meets, before the menu.
    expect(laptop.get_by_test_id("stSkipToContent")).to_have_text("Saltar al contenido principal")
    snap(laptop, screenshots, "roster-upload-refused-es-laptop")
    # Back to English (Set up opens on its first tab again): Streamlit's own words.
    staff_choose(laptop, "English")
    # Put back in place, where the page keeps the control it had.
    expect(laptop.locator('[aria-label="Collapse sidebar"]')).not_to_have_count(0)
    expect(laptop.locator('[aria-label="Cerrar el panel lateral"]')).to_have_count(0)
    expect(laptop.get_by_test_id("stSkipToContent")).to_have_text("Skip to main content")
    laptop.get_by_role("tab", name="People").click()
    wait_idle(laptop)
    expect(uploader.get_by_role("button", name="Upload", exact=True)).to_be_visible()
    expect(uploader.get_by_text("2MB per file • CSV, XLSX", exact=True)).to_be_visible()
