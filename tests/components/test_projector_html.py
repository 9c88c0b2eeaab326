"""The projector's views as HTML: one order for list and bars, fair words, text escaped,
long walls in pages, and a QR code that reads back as the phones' link."""

import base64
import html
import re

from components.projector import closed_html, header_html, spotlight_html
from components.projector_pages import page_count, page_note, page_now
from components.projector_results import RankedItem, ranked_items, results_html, voting_html
from components.projector_views import WALL_PAGE, charter_html, wall_html
from services.converge.tallies import THRESHOLD_WORDS, CommonGround, GroupShare, ItemTotal, verdict
from services.converge.voting_reveal import Turnout
from services.core.vocab import ConflictStatus
from services.partner.charter_screen import CharterOnScreen
from services.room.spotlight import Side, Spotlight
from services.translations.shown import Stored, fingerprint, shown
from tests.qr_reading import decode_png

HOSTILE = "<b>bold</b> <img src=x onerror=alert(1)> & :red[alarm]"


def _words(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_list_and_its_bars_follow_the_ranking_not_the_ballot():
    totals = [
        ItemTotal(1, "ballot first", 1, 1, 0, 0, 0),
        ItemTotal(2, "ranked first", 9, 5, 0, 0, 0),
    ]
    ranking = [
        CommonGround(2, "ranked first", 0.6, (GroupShare(1, "A", 5, 5, 1.0),), 0.0, False),
        CommonGround(1, "ballot first", 0.2, (GroupShare(1, "A", 1, 5, 0.2),), 0.0, False),
    ]
    items = ranked_items(ranking, totals, verdict)
    assert [(i.place, i.text, i.dots) for i in items] == [
        (1, "ranked first", 9),
        (2, "ballot first", 1),
    ]
    page = results_html("Round", items, dots=True, page=0, rule=THRESHOLD_WORDS)
    rows = re.findall(r'<div class="pj-row">(.*?)</p></div></div>', page)
    assert [_words(r) for r in rows] == [
        "1. ranked first 9 dots from 5 people — strongest common ground",
        "2. ballot first 1 dot from 1 person",
    ]
    # The longest bar is the top count; the other in proportion.
    assert re.findall(r"width:([\d.]+)%", page) == ["100.0", "11.1"]
    assert _words(THRESHOLD_WORDS) in _words(page)


def test_agree_votes_are_said_in_words_beside_their_stacked_bar():
    item = RankedItem(1, "x", 0, 6, 3, 2, 1, "groups differ (60-point gap)")
    page = results_html("R", [item], dots=False, page=0, rule=THRESHOLD_WORDS)
    assert "3 agree · 2 disagree · 1 pass — groups differ (60-point gap)" in _words(page)
    assert len(re.findall(r"<span style=\"width", page)) == 3


def test_a_round_nobody_voted_in_says_so():
    item = RankedItem(1, "x", 0, 0, 0, 0, 0, "")
    assert "Nobody voted in this round." in _words(results_html("R", [item], True, 0, ""))


def test_long_rankings_and_walls_are_paged_by_the_clock():
    assert page_count(0, 8) == 1 and page_count(17, 8) == 3
    assert [page_now(17, 8, t, 12.0) for t in (0, 11.9, 12, 24, 36)] == [0, 0, 1, 2, 0]
    assert page_now(17, 8, 24, 12.0, hold=True) == 0
    assert _words(page_note("Ideas", 17, 8, 1, 12.0)) == (
        "Ideas 9–16 of 17 · page 2 of 3, turning every 12 seconds"
    )
    assert page_note("Ideas", 8, 8, 0, 12.0) == ""
    # Held by the facilitator (WCAG 2.2.2): the note says so instead of promising a turn.
    assert _words(page_note("Ideas", 17, 8, 1, None)) == "Ideas 9–16 of 17 · page 2 of 3, held"
    assert "held" in _words(wall_html([f"idea {n}" for n in range(20)], 1, held=True))
    assert "0 ideas so far" in _words(wall_html([], 0))
    newest_first = [f"idea {n}" for n in range(20, 0, -1)]
    second = wall_html(newest_first, 1)
    assert "20 ideas so far, newest first" in _words(second)
    assert second.count('class="pj-card pj-idea"') == WALL_PAGE
    assert "idea 12" in second and "idea 13" not in second and "idea 4" not in second


def test_user_text_is_escaped_everywhere_on_the_projector():
    spot = Spotlight(1, HOSTILE, ConflictStatus.AGREED, (Side(HOSTILE, HOSTILE, HOSTILE),), HOSTILE)
    charter = CharterOnScreen(1, HOSTILE, ((HOSTILE, HOSTILE),), (HOSTILE,), ())
    item = RankedItem(1, HOSTILE, 1, 1, 0, 0, 0, "")
    pages = [
        header_html(HOSTILE, HOSTILE, "1:00 left", HOSTILE),
        closed_html(HOSTILE),
        spotlight_html(spot),
        wall_html([HOSTILE], 0),
        charter_html(charter, 0),
        results_html(HOSTILE, [item], True, 0, ""),
        voting_html(HOSTILE, True, Turnout(1, 2), "http://room/vote?x=<b>"),
    ]
    for page in pages:
        assert "<b>bold" not in page and "<img src=x" not in page
        assert "&lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; &amp;" in page


def test_while_voting_the_screen_shows_the_turnout_and_a_qr_code_of_the_phones_link():
    link = "http://10.0.0.5:8501/vote"
    page = voting_html("Round", True, Turnout(12, 60), link)
    assert "12 of 60 have voted" in _words(page) and link in _words(page)
    (alt,) = re.findall(r'alt="([^"]+)"', page)
    assert alt == f"QR code for {link}"
    (data,) = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert decode_png(base64.b64decode(data)) == [link]
    assert "width:20.0%" in page


def test_after_voting_no_qr_code_and_the_results_wait_for_the_reveal():
    page = voting_html("Round", False, Turnout(48, 60), None)
    assert "<img" not in page
    assert "48 of 60 voted" in _words(page)
    assert "The results appear here when the facilitator reveals them." in _words(page)


def test_the_charter_says_who_signed_and_who_has_not():
    charter = CharterOnScreen(
        2, "Mission", (("Roles", "The city convenes"),), ("Police",), ("Youth",)
    )
    page = _words(charter_html(charter, 0))
    assert "Partnering charter, version 2" in page
    assert "Signed by: Police. Not signed yet: Youth." in page
    assert "The charter has not been drafted yet." in _words(charter_html(None, 0))


def test_the_header_shows_a_translated_question_in_its_language_marked_as_a_translation():
    original = "What did you hear?"
    stored = Stored("¿Qué <b>escuchó</b>?", "en", fingerprint(original))
    header = header_html("Meeting", "Listen", "", original, [shown(original, stored, "es")])
    # The mark on the same line, in the words of the line's own reader.
    assert (
        '<p class="pj-prompt pj-clamp2"><span lang="es">Español: ¿Qué &lt;b&gt;escuchó&lt;/b&gt;?'
        ' <span class="pj-mark">(Traducido del inglés)</span></span></p>' in header
    )
