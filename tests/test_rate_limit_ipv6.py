"""The feedback rate limit's key (deploy/nginx/smartspec/maps.conf) in Debian's nginx: an
IPv6 client is counted by its /64, whatever address in it it uses, and an IPv4 client by its
address. nginx takes each client's address from a header here (its realip module), so that
one test can be many clients."""

from __future__ import annotations

import ipaddress
import random

import pytest

from smartspec_site.serve import stack
from smartspec_site.serve.processes import free_port

from .nginx_stack import needs_nginx, parse, raw

pytestmark = needs_nginx

SITE = """
include smartspec/maps.conf;
limit_req_zone $smartspec_feedback_client zone=test_feedback:1m rate=1r/m;

server {{
    listen 127.0.0.1:{port};
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Test-Client;
    location = /key {{
        default_type text/plain;
        return 200 "$smartspec_client_net";
    }}
    location = /sv/synpunkter {{
        limit_req zone=test_feedback burst=1 nodelay;
        limit_req_status 429;
        proxy_pass http://127.0.0.1:{port}/key;
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    port = free_port()
    server = stack.Nginx(tmp_path_factory.mktemp("nginx-ipv6"), SITE.format(port=port), health=port)
    checked = server.check()
    assert checked.returncode == 0, checked.stderr
    with server:
        yield port


def send(port: int, client: str, method: str = "GET", path: str = "/key") -> tuple[int, str]:
    lines = [f"{method} {path} HTTP/1.1", "Host: localhost", f"X-Test-Client: {client}"]
    lines += ["Content-Length: 0", "Connection: close", "", ""]
    status, _, body = parse(raw(port, "\r\n".join(lines).encode("ascii")))
    return status, body.decode("latin-1")


def slash_64(address: ipaddress.IPv6Address) -> str:
    return ":".join(f"{int(group, 16):x}" for group in address.exploded.split(":")[:4])


def test_every_ipv6_address_is_keyed_on_its_64(nginx):
    """Addresses with zero groups anywhere, so nginx writes "::" in every place it can."""
    rng = random.Random(22)
    addresses = {ipaddress.IPv6Address("::1"), ipaddress.IPv6Address("2001:db8::")}
    while len(addresses) < 300:
        groups = [0 if rng.random() < 0.5 else rng.randrange(1, 0x10000) for _ in range(8)]
        address = ipaddress.IPv6Address(":".join(f"{g:x}" for g in groups))
        if address.ipv4_mapped is None and int(address) >> 32:  # nginx writes those dotted
            addresses.add(address)
    for address in sorted(addresses):
        status, key = send(nginx, str(address))
        assert (status, key) == (200, slash_64(address)), str(address)


def test_a_64_is_one_client_for_the_form(nginx):
    """One client may post once and once more (burst); a second address in the same /64 is
    the same client, refused; another /64 and an IPv4 address are others."""
    form = "/sv/synpunkter"
    assert send(nginx, "2001:db8:1:2::1", "POST", form)[0] == 200
    assert send(nginx, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "POST", form)[0] == 200
    assert send(nginx, "2001:db8:1:2:ffff::7", "POST", form)[0] == 429
    assert send(nginx, "2001:db8:1:3::1", "POST", form)[0] == 200
    assert send(nginx, "192.0.2.1", "POST", form)[0] == 200
    assert send(nginx, "192.0.2.2", "POST", form)[0] == 200
