"""Slow clients cannot take the site down: nginx buffers requests and answers, so gunicorn's
sync workers never wait on a client. Bounded by the client timeout only; the probes' latency
is measured by bench/run.py, not asserted here."""

from __future__ import annotations

from .gunicorn_server import Gunicorn
from .nginx_stack import ServeStack, needs_nginx
from .slow_clients import attack


@needs_nginx
def test_300_slow_senders_and_300_slow_readers_do_not_delay_a_visitor():
    with ServeStack() as stack:
        probes = attack(stack.port, f"localhost:{stack.port}", 300, 300, probes=20, timeout=5)
    assert [probe.status for probe in probes] == [200] * 20


def test_without_nginx_a_few_slow_senders_stall_gunicorn():
    """The check above can fail: the same attack, scaled to two sync workers, leaves a visitor
    of gunicorn alone without an answer within the client timeout."""
    with Gunicorn(workers=2) as server:
        probes = attack(server.port, f"127.0.0.1:{server.port}", 4, 0, probes=1, timeout=3)
    assert probes[0].status is None
