"""Join links: stable addresses, codes encoded, and a warning for localhost."""

from adapters import room_links


def test_links_use_the_addresses_printed_on_cards_and_badges():
    base = "https://room.example.org/"
    assert room_links.scribe_link(base, 3) == "https://room.example.org/listen?table=3"
    assert room_links.vote_link(base, "a b&c") == "https://room.example.org/vote?code=a+b%26c"
    assert room_links.projector_link(base, "xyz") == "https://room.example.org/projector?code=xyz"
    assert room_links.survey_link(base, "k") == "https://room.example.org/survey?code=k"
    assert room_links.ideas_link(base, 1) == "https://room.example.org/ideas?table=1"
    # The room's voting page: the badge sheet's "open … and type the code on your badge".
    assert room_links.vote_page(base) == "https://room.example.org/vote"
    assert room_links.vote_page("http://10.0.0.5:8501/cg") == "http://10.0.0.5:8501/cg/vote"


def test_localhost_is_not_reachable_from_phones():
    assert not room_links.reachable_from_phones("http://localhost:8501")
    assert not room_links.reachable_from_phones("http://127.0.0.1:8501/")
    assert room_links.reachable_from_phones("http://192.168.1.20:8501")
    assert room_links.reachable_from_phones("https://room.example.org")


def test_the_root_is_the_browsers_address_without_the_pages_path():
    # What st.context.url gives on the console: the page's path is part of it.
    assert (
        room_links.server_root("http://192.168.1.20:8501/console", {}) == "http://192.168.1.20:8501"
    )
    assert (
        room_links.server_root("https://room.example.org/vote/", {}) == "https://room.example.org"
    )


def test_the_servers_base_path_replaces_the_pages_path():
    root = room_links.server_root("https://city.example/cg/console", {}, "/cg/")
    assert root == "https://city.example/cg"
    assert room_links.vote_link(root, "K7QM4TPX") == "https://city.example/cg/vote?code=K7QM4TPX"


def test_without_a_browser_address_a_proxys_forwarded_headers_answer():
    headers = {
        "Host": "127.0.0.1:8501",
        "X-Forwarded-Host": "room.example.org, inner.proxy",
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Prefix": "/meeting",
    }
    assert room_links.server_root(None, headers) == "https://room.example.org/meeting"


def test_without_a_browser_address_or_proxy_the_host_header_answers():
    assert room_links.server_root(None, {"host": "10.0.0.5:9000"}) == "http://10.0.0.5:9000"
    assert room_links.server_root(None, {}, port=8600) == "http://localhost:8600"


def test_a_room_address_replaces_only_the_host():
    assert (
        room_links.with_host("http://localhost:8501", "192.168.1.20") == "http://192.168.1.20:8501"
    )
    assert room_links.with_host("http://127.0.0.1:8501/cg", "10.0.0.2") == "http://10.0.0.2:8501/cg"


def test_every_loopback_address_is_only_reachable_from_this_computer():
    for base in ("http://127.0.1.1:8501", "http://[::1]:8501", "http://app.localhost:8501"):
        assert not room_links.reachable_from_phones(base)
