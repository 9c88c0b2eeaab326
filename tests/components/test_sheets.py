"""Printable sheets: every table and person on one page, QR codes inline, user text escaped."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from components.sheets import PrintedBadge, PrintedCard, badge_codes_html, table_cards_html

ATTACK = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
BASE = "http://192.168.1.20:8501"


def cards(n: int) -> list[PrintedCard]:
    return [PrintedCard(i, f"{BASE}/ideas?table={i}", ("en",)) for i in range(1, n + 1)]


def badges(n: int) -> list[PrintedBadge]:
    return [
        PrintedBadge(f"Person {i}", f"Group {i % 4}", f"{BASE}/vote?code=CODE{i:03d}", "en")
        for i in range(n)
    ]


def pages(html: str) -> int:
    return html.count('<section class="page"')


def test_table_cards_have_every_table_its_link_and_its_qr_code():
    html = table_cards_html("Spring session", cards(8))
    for number, link, _languages in ((c.number, c.link, c.languages) for c in cards(8)):
        assert f'<p class="table"><span lang="en">Table {number}</span></p>' in html
        assert f'Scribe link</span></p><p class="link">{link}</p>' in html
        assert f"<title>QR code for {link}</title>" in html
    assert html.count("<svg ") == 8
    assert pages(html) == 1


def test_table_cards_fit_one_page_with_print_css():
    html = table_cards_html("Spring session", cards(12))
    assert "@page { size: portrait; margin: 10mm; }" in html
    assert "break-inside: avoid" in html
    assert pages(html) == 1
    assert "--cols:3;--rows:4" in html


def test_table_cards_escape_the_meeting_title_and_the_link():
    html = table_cards_html(ATTACK, [PrintedCard(1, f"{BASE}/ideas?table=1&x={ATTACK}")])
    assert ATTACK not in html
    assert "<script" not in html
    assert f"<h1>{ESCAPED}</h1>" in html
    assert f"<title>Table cards: {ESCAPED}</title>" in html
    assert f"table=1&amp;x={ESCAPED}" in html


def test_table_cards_with_no_tables_is_still_a_page():
    html = table_cards_html("Spring session", [])
    assert html.startswith("<!DOCTYPE html>")
    assert pages(html) == 1
    assert "<svg" not in html


def test_badges_have_every_person_their_group_code_and_qr_on_one_page():
    html = badge_codes_html("Spring session", badges(60))
    for badge in badges(60):
        assert f'<p class="name">{badge.name}</p><p class="group">{badge.group}</p>' in html
        code = badge.link.rsplit("=", 1)[1]
        # Typed by hand when a phone cannot scan.
        assert f'<p class="code"><span class="what">Code</span> {code}</p>' in html
        assert f"<title>QR code for {badge.link}</title>" in html
    assert html.count("<svg ") == 60
    assert pages(html) == 1
    assert "@page { size: portrait; margin: 10mm; }" in html


def test_badges_tell_people_where_to_type_their_code():
    html = badge_codes_html("Spring session", badges(3))
    assert f'open <span class="link">{BASE}/vote</span> and type the code' in html


def test_more_than_sixty_badges_go_on_to_a_second_page():
    html = badge_codes_html("Spring session", badges(61))
    assert pages(html) == 2
    assert html.count("<svg ") == 61


def test_badges_escape_every_piece_of_user_text():
    people = [PrintedBadge(ATTACK, f"Youth {ATTACK}", f"{BASE}/vote?code=a{ATTACK}", "en")]
    html = badge_codes_html(f"Night {ATTACK}", people)
    assert "<script" not in html
    assert f'<p class="name">{ESCAPED}</p>' in html
    assert f'<p class="group">Youth {ESCAPED}</p>' in html
    assert f"</span> a{ESCAPED}</p>" in html
    assert f"<h1>Night {ESCAPED}</h1>" in html


def test_a_link_without_a_code_prints_the_whole_link():
    html = badge_codes_html(
        "Spring session", [PrintedBadge("Ana", "Youth", f"{BASE}/vote/ana", "en")]
    )
    assert f"</span> {BASE}/vote/ana</p>" in html


def test_the_sheet_is_self_contained():
    html = badge_codes_html("Spring session", badges(5)) + table_cards_html("S", cards(2))
    assert not re.search(r"<(link|img|script)\b", html)  # no fetches: prints offline


def _download_page():
    from components.sheets import download_sheet

    download_sheet("Download table cards", "<p>cards</p>", "table-cards.html", key="cards")


def test_download_sheet_offers_the_html_as_a_labelled_download():
    at = AppTest.from_function(_download_page).run()
    assert not at.exception
    [button] = at.get("download_button")
    assert button.proto.label == "Download table cards"
    assert button.proto.url.endswith(".html")  # served as text/html
    assert button.proto.ignore_rerun  # a download never reruns the console mid-meeting
