"""This computer's addresses on the room's network: where phones can reach the app."""

from __future__ import annotations

import ipaddress

import ifaddr


def room_addresses() -> list[str]:
    """The machine's IPv4 addresses that another device could open, private ones first.

    Loopback and link-local addresses are left out: a phone on the venue's Wi-Fi cannot
    reach them. IPv4 only: what people type from a printed sheet, and what every venue
    router hands out.
    """
    found: set[ipaddress.IPv4Address] = set()
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not ip.is_IPv4:
                continue
            address = ipaddress.IPv4Address(ip.ip)
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                found.add(address)
    return [str(a) for a in sorted(found, key=lambda a: (not a.is_private, a))]
