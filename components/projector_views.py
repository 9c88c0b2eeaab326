"""The projector's idea wall and charter, built as HTML for components/projector.screen."""

from __future__ import annotations

from collections.abc import Sequence

from components.projector import text
from components.projector_pages import Paging, page_note
from components.wordcloud import CAPTION
from i18n import _, ngettext
from services.partner.charter_screen import CharterOnScreen

WALL_COLUMNS, WALL_ROWS = 2, 4
WALL_PAGE = WALL_COLUMNS * WALL_ROWS
WALL_PAGE_BOTH = WALL_COLUMNS * (WALL_ROWS - 1)
"""In both languages a translated idea's card holds each version on its own lines, a row
taller than a card in one: three rows of them take the height of four (fit at 1920×1080,
tests/e2e/test_projector_languages.py)."""
WALL_SECONDS = 12.0
"""How long each page of older ideas stays up."""
NEWEST_HOLD = 20.0
"""For this long after an idea arrives the wall shows the newest page, where it is."""
CLAUSE_PAGE = 4
CHARTER_SECONDS = 15.0


def wall_html(
    newest_first: Sequence[str], page: int, held: bool = False, per_page: int = WALL_PAGE
) -> str:
    """One page of `per_page` ideas, newest first, as cards of at most three lines each;
    `held` while the facilitator holds the pages."""
    shown = newest_first[page * per_page : (page + 1) * per_page]
    return wall_page_html(shown, len(newest_first), Paging(page, held), per_page)


def wall_page_html(
    shown: Sequence[str],
    count: int,
    paging: Paging,
    per_page: int = WALL_PAGE,
    written_in: Sequence[str] = (),
) -> str:
    """`wall_html` from the page's own words (`shown`, of `count` ideas in all): a caller
    holding a large board makes only the page it draws. `written_in`: each card's
    language, marked on it (Wall.page)."""
    page, held = paging.number, paging.held
    if not count:
        # Babel reads no `_()` inside an f-string: every marked string stands outside one.
        none_yet = text(_("0 ideas so far"))
        arriving = text(_("Ideas from the tables appear here as they arrive."))
        return f"<h2>{none_yet}</h2><p>{arriving}</p>"
    marks = [f' lang="{language}"' for language in written_in] or [""] * len(shown)
    cards = "".join(
        f'<div class="pj-card pj-idea"><p class="pj-clamp3"{mark}>{text(t)}</p></div>'
        for t, mark in zip(shown, marks, strict=True)
    )
    heading = ngettext(
        "{count} idea so far, newest first", "{count} ideas so far, newest first", count
    ).format(count=count)
    note = page_note(_("Ideas"), count, per_page, page, None if held else WALL_SECONDS)
    return (
        f"<h2>{text(heading)}</h2>"
        f'<div class="pj-grid" style="grid-template-columns:repeat({WALL_COLUMNS}, 1fr)">'
        f"{cards}</div>{note}"
    )


def cloud_caption_html(words: str = "") -> str:
    """The word cloud's caption: its most used `words` with their counts ("police (12),
    …", the same in every language: shown once when both are), or that there is no cloud
    yet."""
    if not words:
        return f'<p class="pj-note">{text(_("No ideas yet, so no word cloud."))}</p>'
    before, _words, after = _(CAPTION).partition("{words}")
    counted = f'<span class="pj-words">{text(words)}</span>'
    return f'<p class="pj-note">{text(before)}{counted}{text(after)}</p>'


def charter_html(charter: CharterOnScreen | None, page: int, held: bool = False) -> str:
    """The charter's mission, one page of its clauses, and which groups have signed."""
    if charter is None:
        heading = text(_("Partnering charter"))
        not_yet = text(_("The charter has not been drafted yet."))
        return f"<h2>{heading}</h2><p>{not_yet}</p>"
    clauses = charter.clauses[page * CLAUSE_PAGE : (page + 1) * CLAUSE_PAGE]
    cards = "".join(
        f'<div class="pj-card"><p><b>{text(heading)}</b></p>'
        f'<p class="pj-clamp4">{text(body)}</p></div>'
        for heading, body in clauses
    )
    signed = ", ".join(text(g) for g in charter.signed) or text(_("no group yet"))
    waiting = ", ".join(text(g) for g in charter.waiting)
    still = (
        _("Not signed yet: {groups}.").format(groups=waiting)
        if waiting
        else text(_("Every group has signed."))
    )
    seconds = None if held else CHARTER_SECONDS
    note = page_note(_("Clauses"), len(charter.clauses), CLAUSE_PAGE, page, seconds)
    version = _("Partnering charter, version {version}").format(version=charter.version)
    mission, signed_by = text(_("Mission:")), text(_("Signed by:"))
    return (
        f"<h2>{text(version)}</h2>"
        f'<p class="pj-prompt pj-clamp2" style="margin:0 0 1.4vh !important">'
        f"<b>{mission}</b> {text(charter.mission)}</p>"
        f'<div class="pj-grid" style="grid-template-columns:repeat(2, 1fr)">{cards}</div>'
        f'<p class="pj-clamp2" style="margin-top:1.4vh !important"><b>{signed_by}</b> '
        f"{signed}. {still}</p>{note}"
    )
