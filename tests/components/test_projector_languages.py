"""The projector in both languages side by side: our own words in each, each part marked
with its `lang`; people's own words once; a view of another shape never garbled."""

from __future__ import annotations

import re

import i18n
from components.projector import header_html
from components.projector_languages import in_languages, side_by_side
from components.projector_pages import Paging, page_note
from components.projector_views import cloud_caption_html, wall_html, wall_page_html
from components.room_banner import step_heading

IDEAS = [f"Idea número {n}" for n in range(17, 0, -1)]


def test_one_language_is_a_block_marked_with_it():
    html = in_languages(("es",), lambda: wall_html(IDEAS, 0))
    assert html.startswith('<div lang="es">')
    assert "17 ideas hasta ahora, las más recientes primero" in html
    assert "so far" not in html


def test_both_show_our_words_in_each_language_and_peoples_words_once():
    html = in_languages(("en", "es"), lambda: wall_html(IDEAS, 1))
    english = re.findall(r'<span class="pj-lang" lang="en">(.*?)</span>', html)
    spanish = re.findall(r'<span class="pj-lang" lang="es">(.*?)</span>', html)
    assert "17 ideas so far, newest first" in english
    assert len(english) == len(spanish) == 2  # the heading and the page note
    with i18n.using("es"):
        assert wall_html(IDEAS, 1).count(spanish[0]) == 1  # the Spanish heading, as is
        assert page_note("Ideas", 17, 8, 1, 12.0).count(spanish[1].split(" ·")[0]) == 1
    for idea in IDEAS[8:16]:
        assert html.count(idea) == 1  # a person's own words, once, in their own language


def test_both_mark_the_header_and_leave_the_meetings_name_once():
    def header() -> str:
        return header_html("Reunión de marzo", i18n._("Ideas"), "4:12", None)

    html = in_languages(("en", "es"), header)
    assert html.count("Reunión de marzo") == 1
    assert '<span class="pj-lang" lang="en">Timer: 4:12</span>' in html
    assert '<span class="pj-lang" lang="es">' in html


def test_versions_of_another_shape_show_the_first_language_alone():
    html = side_by_side([("en", "<p>One</p>"), ("es", "<p>Uno</p><p>Dos</p>")])
    assert html == '<div lang="en"><p>One</p></div>'


def test_both_name_the_step_in_each_language_from_its_one_translation():
    from datetime import UTC, datetime

    from db.models import AgendaItem
    from services.core.vocab import MeetingStatus, Step
    from services.room.room_control import RoomState
    from services.translations.shown import Stored, fingerprint

    step = AgendaItem(id=1, title="Listen", step=Step.LISTEN, prompt="")
    state = RoomState(
        1, "M", MeetingStatus.LIVE, True, 1, 3, step, None, datetime.now(UTC),
        step_words={"title": Stored("Escuchar", "en", fingerprint("Listen"))},
    )  # fmt: skip

    def header() -> str:
        return header_html("Reunión de marzo", step_heading(state), "4:12", None)

    html = in_languages(("en", "es"), header)
    assert '<span class="pj-lang" lang="en">Step 1 of 3: Listen</span>' in html
    assert '<span class="pj-lang" lang="es">Paso 1 de 3: Escuchar</span>' in html


def test_both_show_a_translated_idea_in_each_language_and_an_untranslated_one_once():
    from services.room.projector_screen import Wall
    from services.translations.shown import Stored, fingerprint

    board = Wall(
        ("A crisis line", "More co-responders"),
        None,
        {},
        (None, Stored("Más binomios", "en", fingerprint("More co-responders"))),
    )
    html = in_languages(("en", "es"), lambda: wall_html(board.words(), 0))
    assert '<span class="pj-lang" lang="en">More co-responders</span>' in html
    assert '<span class="pj-lang" lang="es">(Traducido del inglés) Más binomios</span>' in html
    assert html.count("A crisis line") == 1


def test_both_keep_each_languages_verdict_after_its_own_count():
    from components.projector_results import RankedItem, results_html
    from services.converge.tallies import STRONGEST

    def ranking() -> str:
        item = RankedItem(1, "Crisis teams", 3, 2, 0, 0, 0, i18n._(STRONGEST))
        return results_html("Round", [item], dots=True, page=0, rule="")

    html = in_languages(("en", "es"), ranking)
    said = re.findall(r'<span class="pj-lang" lang="(\w+)">([^<]*— [^<]*)</span>', html)
    assert said == [
        ("en", "3 dots from 2 people — strongest common ground"),
        ("es", "3 puntos de 2 personas — mayor punto en común"),
    ]


def test_the_word_clouds_caption_is_in_each_language_its_words_once():
    words = "clinician (18), health (18), …"
    html = in_languages(("en", "es"), lambda: cloud_caption_html(words))
    assert '<span class="pj-lang" lang="en">Most frequent words:</span>' in html
    assert '<span class="pj-lang" lang="es">Palabras más frecuentes:</span>' in html
    assert html.count("clinician (18)") == 1
    spanish = in_languages(("es",), lambda: cloud_caption_html(words))
    assert "Palabras más frecuentes: " in spanish and "Most frequent" not in spanish
    nothing = in_languages(("en", "es"), cloud_caption_html)
    assert 'lang="es">Aún no hay ideas' in nothing and 'lang="en">No ideas yet' in nothing


def test_each_idea_card_is_marked_with_the_language_of_its_words():
    paging = Paging(0, False)
    html = in_languages(
        ("en", "es"),
        lambda: wall_page_html(["Más binomios", "A crisis line"], 2, paging, 6, ["es", "en"]),
    )
    assert '<p class="pj-clamp3" lang="es">Más binomios</p>' in html
    assert '<p class="pj-clamp3" lang="en">A crisis line</p>' in html


def test_both_name_a_translated_item_in_each_language_marked_and_its_language_said():
    from components.projector_results import ranked_items, results_html
    from services.converge.tallies import CommonGround, ItemTotal, verdict
    from services.translations.shown import Stored, fingerprint, shown

    row = CommonGround(7, "Más alumbrado", 1.0, (), 0.0, False)
    totals = [ItemTotal(7, "Más alumbrado", 3, 2, 0, 0, 0)]
    stored = Stored("More street lights", "es", fingerprint("Más alumbrado"))
    names = {language: {7: shown("Más alumbrado", stored, language)} for language in ("en", "es")}

    def ranking() -> str:
        items = ranked_items([row], totals, verdict, names[i18n.current()])
        return results_html("Round", items, dots=True, page=0, rule="")

    html = in_languages(("en", "es"), ranking)
    assert '<span class="pj-lang" lang="en">(Translated from Spanish) More street lights' in html
    assert '<span class="pj-lang" lang="es">Más alumbrado</span>' in html
    spanish = in_languages(("es",), ranking)
    assert '<p class="pj-clamp2" lang="es">Más alumbrado</p>' in spanish
