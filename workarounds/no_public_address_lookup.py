"""No request to the internet for this computer's public address.

Upstream: Streamlit 1.67, started headless (ours is: there is no browser to open on a
server), prints an "External URL" among its addresses. To find it, `bootstrap._print_url`
calls `net_util.get_external_ip()`, an HTTP request to checkip.amazonaws.com (1 s, then
again over HTTPS). In a venue with no internet that is two seconds at every start and a
warning sending the facilitator to docs.streamlit.io ("Did not auto detect external IP",
seen walking a fresh install); anywhere, a city's laptop telling an outside service it is
running. The room reaches the laptop by its address on the room's network, never by a
public one. The cross-origin check also asks it, after every address of this computer,
for a page of another site; it then has none to match, as offline.

Upstream issue: none found. Drop it when tests/workarounds/test_no_public_address_lookup.py's
canary fails (Streamlit no longer asks).
"""

from __future__ import annotations

from streamlit import net_util


def no_public_address_lookup() -> None:
    """Streamlit's public-address look-up answers "none" without asking anyone."""
    net_util.get_external_ip = _none


def _none() -> None:
    return None
