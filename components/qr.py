"""QR codes for the links on table cards and badges, as SVG text or PNG bytes."""

from __future__ import annotations

import base64
import io

import segno
import streamlit as st

from components.text import caption as plain_caption
from i18n import _

# M survives a crease or a smudge on a printed card; segno raises it for free when the
# symbol has room, so short links get even more robust codes at the same size.
_ERROR = "m"
# An opaque white background: a transparent code vanishes on a dark theme or a dark desk.
_LIGHT = "#fff"
_DARK = "#000"


def qr_svg(url: str, scale: int = 4, border: int = 4) -> str:
    """An inline <svg> QR code for `url`, named by a <title> that reads out the link in
    the reader's language.

    `border` is the quiet zone in modules; pass less only where white space surrounds the code.
    """
    return titled_svg(url, scale, border, _("QR code for {link}").format(link=url))


# Room for every code of a 560-person room: the console draws all the badges on each run,
# and with 256 entries a 10× room's 610 codes pushed each other out, so every run made
# them all again (9 s per console run in bench/). The title is part of the key, so each
# language has its own.
@st.cache_data(max_entries=2048, show_spinner=False)
def titled_svg(url: str, scale: int, border: int, title: str) -> str:
    """`qr_svg` with its <title> already in words, made once per link, size and title."""
    code = segno.make(url, error=_ERROR)
    # omitsize gives a viewBox so print CSS can size the code; width/height keep a screen size.
    svg = code.svg_inline(
        scale=scale,
        border=border,
        omitsize=True,
        title=title,
        dark=_DARK,
        light=_LIGHT,
    )
    width, height = code.symbol_size(scale=scale, border=border)
    return svg.replace("<svg ", f'<svg role="img" width="{width}" height="{height}" ', 1)


@st.cache_data(max_entries=256, show_spinner=False)
def qr_png(url: str, scale: int = 8) -> bytes:
    """A PNG QR code for `url`."""
    buffer = io.BytesIO()
    segno.make(url, error=_ERROR).save(buffer, kind="png", scale=scale, dark=_DARK, light=_LIGHT)
    return buffer.getvalue()


def qr_data_uri(url: str) -> str:
    """The PNG QR code for `url` as a data: address, for an <img> inside st.html."""
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")


def show_qr(url: str, caption: str) -> None:
    """The QR code for `url` with `caption` and the link written out beneath it."""
    # PNG said outright: "auto" decodes and encodes the picture again on every run (bench/).
    st.image(qr_png(url), alt=_("QR code for {link}").format(link=url), output_format="PNG")
    plain_caption(caption)
    # Written out so people who cannot scan can type it, and screen readers can read it.
    st.code(url, language=None, wrap_lines=True)
