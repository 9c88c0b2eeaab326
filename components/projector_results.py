"""The projector's voting screens: who has voted while voting runs, and the revealed results.

The results are one sequence, the common-ground ranking, and each row carries its own bar,
so the list and the chart can never disagree on the order. Every bar says its numbers in
words beside it: colour is never the only signal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from components.projector import text
from components.projector_pages import Paging, page_note
from components.qr import qr_data_uri
from i18n import _, ngettext
from services.converge.tallies import CommonGround, ItemTotal
from services.converge.voting_reveal import Turnout
from services.translations.shown import Shown, room_words, words_language

RESULT_PAGE = 5
RESULT_PAGE_BOTH = 4
"""Rows a page of results holds with both languages side by side: the heading may take a
second line there (a title and its translation, each marked), and the page still fits."""
RESULT_SECONDS = 15.0
# The totals chart's colours (components/chart_style): blue, vermillion, grey.
AGREE, DISAGREE, PASS, DOTS = "#0072B2", "#D55E00", "#6F6F6F", "#0072B2"


@dataclass(frozen=True)
class RankedItem:
    """One item of the ranking with its totals and what the room is told about it."""

    place: int
    text: str
    dots: int
    voters: int
    agree: int
    disagree: int
    passed: int
    verdict: str
    language: str = ""
    """The language of `text`, marked on its line; '' when not known."""


def ranked_items(
    ranking: Sequence[CommonGround],
    totals: Sequence[ItemTotal],
    verdict: Callable[[CommonGround, int], str],
    names: Mapping[int, Shown] | None = None,
) -> list[RankedItem]:
    """The ranking's order, each item with its totals: the one sequence list and bars share.
    `names`, by item id, the items as the run's reader reads them: a translation with its
    mark first (`room_words`), each line marked with its language."""
    by_id = {t.item_id: t for t in totals}
    names = names or {}
    return [
        RankedItem(
            place,
            room_words(names[row.item_id]) if row.item_id in names else row.text,
            by_id[row.item_id].dots,
            by_id[row.item_id].voters,
            by_id[row.item_id].agree,
            by_id[row.item_id].disagree,
            by_id[row.item_id].passed,
            verdict(row, place),
            words_language(names[row.item_id]) if row.item_id in names else "",
        )
        for place, row in enumerate(ranking, start=1)
    ]


def results_html(
    title: str | Shown, items: Sequence[RankedItem], dots: bool, page: int | Paging, rule: str
) -> str:
    """One page of the ranking, each row its place, the item, its bar and its verdict;
    `page` a Paging when the facilitator may hold it, or when its pages hold another
    number of rows; a title that is a translation is marked."""
    paging = page if isinstance(page, Paging) else Paging(page)
    page = paging.number
    # A translation's mark first, as on every projector line a clamp may cut (room_words);
    # plain text, so both languages' versions keep one shape side by side.
    words = room_words(title) if isinstance(title, Shown) else title
    heading = text(_("Results: {title}").format(title=words))
    if not any(i.voters for i in items):
        nobody = text(_("Nobody voted in this round."))
        return f"<h2>{heading}</h2><p>{nobody}</p>"
    top = max((i.dots if dots else i.agree + i.disagree + i.passed) for i in items) or 1
    per_page = paging.size or RESULT_PAGE
    shown = items[page * per_page : (page + 1) * per_page]
    rows = "".join(_row(i, dots, top) for i in shown)
    return (
        f'<h2 class="pj-clamp2">{heading}</h2>'
        "<p>"
        + text(
            _(
                "Ranked by common ground: an item is high only when every group backs it. "
                "The bars follow the same order."
            )
        )
        + "</p>"
        f"<div>{rows}</div>"
        f'<p class="pj-note">{text(rule)}</p>'
        + page_note(_("Items"), len(items), per_page, page, None if paging.held else RESULT_SECONDS)
    )


def _row(item: RankedItem, dots: bool, top: int) -> str:
    if dots:
        parts = [(item.dots, DOTS)]
        people = ngettext("{n} person", "{n} people", item.voters).format(n=item.voters)
        # Translators: {people} is "1 person" or "12 people".
        dots_from = ngettext("{dots} dot from {people}", "{dots} dots from {people}", item.dots)
        words = text(dots_from.format(dots=item.dots, people=people))
    else:
        parts = [(item.agree, AGREE), (item.disagree, DISAGREE), (item.passed, PASS)]
        words = text(
            _("{agree} agree · {disagree} disagree · {passed} pass").format(
                agree=item.agree, disagree=item.disagree, passed=item.passed
            )
        )
    bar = "".join(
        f'<span style="width:{100 * n / top:.1f}%;background:{colour}"></span>'
        for n, colour in parts
        if n
    )
    # A verdict is one piece of text with the words before it, the whole line in bold: a
    # tag between them split them, and both languages side by side then read "3 dots — |
    # 3 puntos —strongest common ground | mayor punto en común" (components/projector_languages).
    said = f"<b>{words} — {text(item.verdict)}</b>" if item.verdict else words
    mark = f' lang="{item.language}"' if item.language else ""
    return (
        f'<div class="pj-row"><span class="pj-rank">{item.place}.</span>'
        f'<p class="pj-clamp2"{mark}>{text(item.text)}</p>'
        f'<div><div class="pj-bar">{bar}</div><p>{said}</p></div></div>'
    )


def voting_html(title: str, is_open: bool, turnout: Turnout, phone_link: str | None) -> str:
    """While votes come in: the live count and how to join; after, the wait for the reveal."""
    share = turnout.voted / turnout.expected if turnout.expected else 0.0
    bar = (
        '<div class="pj-bar" style="height:4vh;margin:1vh 0">'
        f'<span style="width:{min(share, 1) * 100:.1f}%;background:#1d4ed8"></span></div>'
    )
    counted = (
        f'<p class="pj-big">{text(turnout.words(closed=not is_open))}</p>{bar}'
        "<p>"
        + text(
            _("Counted out of everyone expected today: the people on the roster not marked absent.")
        )
        + "</p>"
    )
    if not is_open:
        return (
            '<h2 class="pj-clamp2">'
            + text(_("Voting has closed: {title}").format(title=title))
            + f"</h2>{counted}"
            '<p style="margin-top:3vh !important">'
            + text(_("The results appear here when the facilitator reveals them."))
            + "</p>"
        )
    join = ""
    if phone_link:
        join = (
            f'<img class="pj-qr" src="{qr_data_uri(phone_link)}" '
            'alt="' + text(_("QR code for {link}").format(link=phone_link)) + '">'
        )
    how = (
        "<p class='pj-prompt' style='margin-top:3vh !important'>"
        # Translators: the voting link follows on a line of its own.
        + text(_("Vote on your phone: scan the code, or open"))
        + "</p>"
        f'<p class="pj-link">{text(phone_link)}</p>'
        # Translators: this line follows the voting link.
        "<p class='pj-prompt'>" + text(_("and type the code on your badge.")) + "</p>"
        if phone_link
        else ""
    )
    return (
        '<h2 class="pj-clamp2">' + text(_("Voting is open: {title}").format(title=title)) + "</h2>"
        '<div style="display:flex;gap:3vw;align-items:flex-start">'
        f"<div style='flex:1'>{counted}{how}</div>{join}</div>"
        "<p class='pj-note'>"
        + text(_("Results stay hidden until voting closes and the facilitator reveals them."))
        + "</p>"
    )
