"""This computer's room-network addresses, read from its real network interfaces."""

from __future__ import annotations

import ipaddress

import ifaddr

from adapters import network


def test_room_addresses_are_this_computers_ipv4_addresses_other_devices_can_open():
    # ifaddr gives an IPv4 address as a string, an IPv6 one as a tuple.
    real = {
        ip.ip for adapter in ifaddr.get_adapters() for ip in adapter.ips if isinstance(ip.ip, str)
    }
    offered = network.room_addresses()
    reachable = {
        a for a in real if not (ipaddress.IPv4Address(a).is_loopback or a.startswith("169.254."))
    }
    assert set(offered) == reachable
    for text in offered:
        address = ipaddress.IPv4Address(text)
        assert not address.is_loopback
        assert not address.is_link_local
    assert "127.0.0.1" not in offered
    # Private addresses (a venue router's) come before any public one.
    kinds = [ipaddress.IPv4Address(a).is_private for a in offered]
    assert kinds == sorted(kinds, reverse=True)
