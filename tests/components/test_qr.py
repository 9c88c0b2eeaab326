"""QR codes: an SVG that names its link for screen readers, and a PNG, one per link."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from components.qr import qr_png, qr_svg, titled_svg

URL = "http://192.168.1.20:8501/ideas?table=3"


@pytest.fixture(autouse=True)
def _fresh_cache():
    titled_svg.clear()
    qr_png.clear()


def test_svg_is_titled_with_its_link_for_screen_readers():
    svg = qr_svg(URL)
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert f"<title>QR code for {URL}</title>" in svg


def test_svg_escapes_the_link_in_its_title():
    svg = qr_svg('https://x.org/vote?code=a&b="<c>"')
    found = re.search(r"<title>(.*?)</title>", svg)
    assert found is not None
    title = found.group(1)
    assert title == 'QR code for https://x.org/vote?code=a&amp;b="&lt;c&gt;"'
    assert "<c>" not in svg


def test_svg_scales_for_print_and_keeps_a_screen_size():
    svg = qr_svg(URL, scale=4)
    assert re.search(r'viewBox="0 0 (\d+) \1"', svg)
    assert re.search(r'width="(\d+)" height="\1"', svg)
    assert 'fill="#fff"' in svg  # an opaque background: visible on a dark theme too


def test_a_smaller_quiet_zone_makes_a_smaller_symbol():
    def size(svg: str) -> int:
        found = re.search(r'width="(\d+)"', svg)
        assert found is not None
        return int(found.group(1))

    assert size(qr_svg(URL, scale=2, border=1)) == size(qr_svg(URL, scale=2)) - 2 * 3 * 2


def test_png_is_a_png():
    assert qr_png(URL).startswith(b"\x89PNG\r\n\x1a\n")


def test_different_links_give_different_codes():
    other = "http://192.168.1.20:8501/ideas?table=4"
    assert qr_png(URL) != qr_png(other)
    assert qr_svg(URL) != qr_svg(other)


def test_the_same_link_gives_the_same_code():
    assert qr_png(URL) == qr_png(URL)
    assert qr_svg(URL) == qr_svg(URL)


def _qr_page():
    from components.qr import show_qr

    show_qr("http://192.168.1.20:8501/ideas?table=3", "Table 3 · scribe: *Ana* <b>")


def test_show_qr_writes_the_caption_literally_and_the_link_as_text():
    at = AppTest.from_function(_qr_page).run()
    assert not at.exception
    [image] = at.get("image")
    assert image.proto.imgs[0].alt == f"QR code for {URL}"
    assert at.caption[0].value == r"Table 3 · scribe\: \*Ana\* \<b\>"
    assert at.code[0].value == URL
