"""Read the QR codes a page shows, as a phone's camera would: from the pixels."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image
from playwright.sync_api import Locator, Page


def decode_png(png: bytes) -> list[str]:
    """The text of every QR code in a PNG picture."""
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    return [
        r.text for r in zxingcpp.read_barcodes(picture) if r.format == zxingcpp.BarcodeFormat.QRCode
    ]


def _seen(png: bytes, image: Locator) -> str:
    """What the failed picture held, for the failure's message (CI keeps only its output)."""
    picture = Image.open(io.BytesIO(png)).convert("L")
    darkest, lightest = picture.getextrema()
    shown = image.evaluate(
        """img => [img.complete, img.naturalWidth, getComputedStyle(img).opacity,
             img.closest('[data-stale]')?.getAttribute('data-stale'),
             getComputedStyle(img.closest('[data-stale]') ?? img).opacity]"""
    )
    return (
        f"the picture {picture.width}×{picture.height} px, grey levels {darkest}–{lightest}; "
        f"complete, natural width, opacity, stale, its container's opacity: {shown}"
    )


def qr_images(page: Page) -> Locator:
    """Every QR picture the app shows on screen (each has alt text "QR code for …")."""
    return page.locator('img[alt^="QR code for"]')


def decode_on_screen(page: Page) -> list[str]:
    """The link in each on-screen QR code, decoded from its screenshot, in page order."""
    found = []
    images = qr_images(page)
    # Pictures arrive after the page's run, from the server's media store.
    images.first.wait_for(state="visible", timeout=15_000)
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        png = image.screenshot()
        texts = decode_png(png)
        assert len(texts) == 1, (
            f"QR picture {index} did not decode to one link: {texts}; {_seen(png, image)}"
        )
        found.append(texts[0])
    return found
