"""Word counts for the word cloud: which words count, how they are counted and ranked."""

from __future__ import annotations

from adapters.wordfreq import STOP_WORDS, word_frequencies, words


def test_counts_lowercased_words_most_used_first():
    texts = ["Crisis teams respond", "crisis TEAMS", "CRISIS"]
    assert word_frequencies(texts) == {"crisis": 3, "teams": 2, "respond": 1}


def test_ties_are_alphabetical_so_the_order_never_changes():
    assert list(word_frequencies(["zebra apple mango"])) == ["apple", "mango", "zebra"]


def test_keeps_only_the_top_max_words():
    texts = ["alpha alpha alpha bravo bravo charlie delta"]
    assert word_frequencies(texts, max_words=2) == {"alpha": 3, "bravo": 2}
    assert word_frequencies(texts, max_words=0) == {}


def test_splits_on_anything_but_letters_and_digits():
    assert words("walk-and-talk,patrols/foot_beats (2024)") == [
        "walk",
        "talk",
        "patrols",
        "foot",
        "beats",
        "2024",
    ]


def test_keeps_letters_with_diacritics_however_they_were_typed():
    composed, decomposed = "caf\u00e9 se\u00f1ora", "cafe\u0301 sen\u0303ora"
    assert word_frequencies([composed, decomposed]) == {"café": 2, "señora": 2}


def test_drops_words_shorter_than_three_characters():
    assert words("go to an ER at 10 pm now") == ["now"]


def test_drops_english_stop_words_and_facilitation_filler():
    text = "I think we really need ideas that people would like to get, and also should want"
    assert words(text) == []
    assert words("The response was slow") == ["response", "slow"]


def test_drops_spanish_function_words_and_filler():
    text = "Creo que necesitamos una línea para las llamadas que no son emergencias, con la policía"
    assert words(text) == ["línea", "llamadas", "emergencias", "policía"]
    assert words("Reuniones mensuales entre vecinos y la comisaría del barrio") == [
        "reuniones", "mensuales", "vecinos", "comisaría", "barrio",
    ]  # fmt: skip


def test_drops_the_halves_of_contractions():
    assert words("We don't know; they won't say, isn't it") == ["know", "say"]


def test_keeps_the_meetings_subject_words():
    assert words("Police community 911") == ["police", "community", "911"]
    assert {"police", "community", "911"}.isdisjoint(STOP_WORDS)


def test_nothing_to_count_gives_an_empty_dict():
    assert word_frequencies([]) == {}
    assert word_frequencies(["", "the and of", "!!!"]) == {}


def test_accepts_any_iterable_of_texts():
    assert word_frequencies(t for t in ["training", "training"]) == {"training": 2}


def test_markup_someone_typed_is_not_counted_as_their_words():
    # Shown as text everywhere, but "script" and "b" are not words anyone said.
    assert words("<script>alert(1)</script> <b>Night patrols</b> <a href='x'>beats</a>") == [
        "alert",
        "night",
        "patrols",
        "beats",
    ]
    assert words("speed < 30 and > 10 near schools") == ["speed", "near", "schools"]


def test_once_per_text_one_long_answer_cannot_outweigh_the_others():
    answers = ["barrio norte barrio barrio barrio barrio", "parque", "parque seguro"]
    assert word_frequencies(answers)["barrio"] == 5
    counted = word_frequencies(answers, once_per_text=True)
    assert counted == {"parque": 2, "barrio": 1, "norte": 1, "seguro": 1}
