"""Drawing a word cloud as PNG bytes: pure, so screens and documents share one look."""

from __future__ import annotations

import io
from random import Random
from typing import Any

from PIL import Image
from wordcloud import WordCloud

# Dark enough for 4.5:1 on white even at the smallest size (contrast on white in brackets):
# navy #0B3C5D (11.6), brick #7B241C (10.0), forest #145A32 (8.3), plum #4A235A (12.5),
# rust #8B3A00 (7.8), steel blue #1B4F72 (8.7), blue #0072B2 (5.2), charcoal #333333 (12.6).
PALETTE = (
    "#0B3C5D",
    "#7B241C",
    "#145A32",
    "#4A235A",
    "#8B3A00",
    "#1B4F72",
    "#0072B2",
    "#333333",
)
_SEED = 7  # the same words always land in the same places
_SHADES = 30
"""Steps from white to each colour in the picture's palette: enough for smooth edges."""


def _dark_colour(*_args: Any, random_state: Random | None = None, **_kwargs: Any) -> str:
    """One of the high-contrast palette colours, picked by the cloud's seeded randomness."""
    return (random_state or Random(_SEED)).choice(PALETTE)


def render_png(
    frequencies: tuple[tuple[str, int], ...], width: int = 1200, height: int = 600
) -> bytes:
    """A PNG word cloud of `frequencies` ((word, count) pairs)."""
    cloud = WordCloud(
        width=width,
        height=height,
        background_color="white",
        color_func=_dark_colour,
        random_state=_SEED,
        max_words=max(len(frequencies), 1),
        prefer_horizontal=1.0,  # sideways words are hard to read, on a projector most of all
        min_font_size=12,  # smaller words are dropped from the picture; the table keeps them
        max_font_size=height // 5,  # with few words, one would otherwise fill the picture
        # Pixels between words: at the library's 2, words of one line met edge to edge and
        # read as one ("familysend", on the projector).
        margin=8,
    )
    cloud.generate_from_frequencies(dict(frequencies))
    buffer = io.BytesIO()
    # In a palette of the word colours and their blends with white, the picture keeps each
    # colour exactly in a third of the bytes: the projector's refresh hashes the picture
    # every two seconds, and the room's Wi-Fi carries it.
    picture = cloud.to_image().quantize(palette=_palette(), dither=Image.Dither.NONE)
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _palette() -> Image.Image:
    """White, the word colours, and _SHADES blends of each with white (241 of 256)."""
    colours: list[tuple[int, ...]] = [(255, 255, 255)]
    for code in PALETTE:
        rgb = [int(code[i : i + 2], 16) for i in (1, 3, 5)]
        for step in range(1, _SHADES + 1):
            colours.append(tuple(round(255 + (c - 255) * step / _SHADES) for c in rgb))
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour])
    return palette
