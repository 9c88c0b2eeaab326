"""The word cloud: drawn once per content, high-contrast, and said in words beside the picture."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Image as ImageElement
from wordcloud import WordCloud

from adapters import wordcloud_render
from components import wordcloud as cloud
from components.text import escape_markdown

FREQUENCIES = (("crisis", 5), ("police", 12), ("response", 9))


def contrast_on_white(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cloud.word_cloud_png.clear()
    yield
    cloud.word_cloud_png.clear()


@pytest.fixture
def renders(monkeypatch) -> list[dict[str, float]]:
    """Every cloud WordCloud lays out, counted by wrapping the real method.

    WordCloud calls itself once more to size its biggest words; only outer calls count.
    """
    calls: list[dict[str, float]] = []
    depth = [0]
    real = WordCloud.generate_from_frequencies

    def counting(self, frequencies, *args, **kwargs):
        if not depth[0]:
            calls.append(dict(frequencies))
        depth[0] += 1
        try:
            return real(self, frequencies, *args, **kwargs)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(WordCloud, "generate_from_frequencies", counting)
    return calls


def test_renders_a_png_of_the_asked_size():
    png = cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(png)).size == (400, 200)


def test_the_same_words_are_drawn_only_once(renders):
    first = cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    second = cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    assert first == second
    assert renders == [{"crisis": 5, "police": 12, "response": 9}]


def test_new_words_are_drawn_again(renders):
    cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    cloud.word_cloud_png((*FREQUENCIES, ("training", 2)), width=400, height=200)
    assert len(renders) == 2


def test_the_layout_is_deterministic():
    first = cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    cloud.word_cloud_png.clear()
    assert cloud.word_cloud_png(FREQUENCIES, width=400, height=200) == first


def test_every_word_colour_has_4_5_to_1_contrast_on_white():
    assert all(contrast_on_white(c) >= 4.5 for c in wordcloud_render.PALETTE)
    png = cloud.word_cloud_png(FREQUENCIES, width=400, height=200)
    colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(1 << 16)
    assert colours is not None  # None: more colours than asked for
    used = {c for _, c in colours}
    palette = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in wordcloud_render.PALETTE}
    assert (255, 255, 255) in used
    assert used & palette  # words are drawn in palette colours (edges are antialiased)


def test_the_picture_is_a_palette_png_that_keeps_every_word_colour_exactly():
    words = tuple((f"word{n}", 40 - n) for n in range(40))  # enough words for all colours
    picture = Image.open(io.BytesIO(wordcloud_render.render_png(words, 600, 300)))
    assert picture.mode == "P"
    colours = picture.convert("RGB").getcolors(1 << 24)
    assert colours is not None
    kept = {c for _, c in colours}
    palette = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in wordcloud_render.PALETTE}
    assert palette <= kept


def test_caption_names_the_top_ten_words_with_their_counts():
    counts = {f"word{i:02d}": 20 - i for i in range(12)}
    text = cloud.caption_text(counts)
    assert text.startswith("Most frequent words: word00 (20), word01 (19), ")
    assert text.endswith("word09 (11), …")
    assert cloud.caption_text({"police": 2}) == "Most frequent words: police (2)"


def _cloud_page():
    from components.wordcloud import show_word_cloud

    texts = [
        "Police response times at night",
        "Police and community walk together",
        "Faster police response [link](http://x)",
    ]
    show_word_cloud(texts, key="cloud")


def _empty_cloud_page():
    from components.wordcloud import show_word_cloud

    show_word_cloud(["the and of", ""], key="cloud")


def test_show_word_cloud_captions_the_picture_with_its_top_words():
    at = AppTest.from_function(_cloud_page, default_timeout=30).run()
    assert not at.exception
    [image] = at.get("image")
    assert isinstance(image, ImageElement)
    expected = "Most frequent words: police (3), response (2), community (1), faster (1), "
    assert image.captions[0].startswith(escape_markdown(expected))  # words stay words
    assert image.proto.imgs[0].alt.startswith("Word cloud")
    assert at.expander[0].label == "Word counts as a table"
    table = at.dataframe[0].value
    assert list(table.columns) == ["Word", "Count"]
    assert table.iloc[0].tolist() == ["police", 3]
    assert "community" in set(table["Word"])


def test_show_word_cloud_without_words_says_so_instead():
    at = AppTest.from_function(_empty_cloud_page).run()
    assert not at.exception
    assert [i.value for i in at.info] == ["No ideas yet, so no word cloud."]
    assert not at.get("image")


def _many_words_page():
    from components.wordcloud import show_word_cloud

    letters = "abcdefghijklmnopqrstuvwxyz"
    texts = [f"zz{letters[i // 26]}{letters[i % 26]}" for i in range(200)]
    show_word_cloud(texts, key="cloud", max_words=500)


def test_the_picture_is_capped_at_max_words_but_the_table_has_them_all(renders):
    at = AppTest.from_function(_many_words_page, default_timeout=30).run()
    assert not at.exception
    assert [len(words) for words in renders] == [cloud.MAX_WORDS]
    assert len(at.dataframe[0].value) == 200
