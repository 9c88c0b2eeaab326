"""Join links: stable addresses, codes encoded, and a warning for localhost."""

from services import links


def test_links_use_the_addresses_printed_on_cards_and_badges():
    base = "https://room.example.org/"
    assert links.scribe_link(base, 3) == "https://room.example.org/listen?table=3"
    assert links.vote_link(base, "a b&c") == "https://room.example.org/vote?code=a+b%26c"
    assert links.projector_link(base, "xyz") == "https://room.example.org/projector?code=xyz"
    assert links.survey_link(base, "k") == "https://room.example.org/survey?code=k"
    assert links.ideas_link(base, 1) == "https://room.example.org/ideas?table=1"


def test_localhost_is_not_reachable_from_phones():
    assert not links.reachable_from_phones("http://localhost:8501")
    assert not links.reachable_from_phones("http://127.0.0.1:8501/")
    assert links.reachable_from_phones("http://192.168.1.20:8501")
    assert links.reachable_from_phones("https://room.example.org")
