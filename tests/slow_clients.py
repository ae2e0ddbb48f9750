"""Slow clients, as an attacker sends them, and probes that time a visitor meanwhile.
Shared by tests/test_slow_clients.py and bench/run.py. 127.0.0.1 only.

* slow headers: a request line, then one byte of header every second, never finished;
* slow reads: a small receive window (SO_RCVBUF), ten pipelined requests for a page, and
  one byte read per second, so the answers back up into the server;
* probes: one at a time, a fresh connection each, ``GET path`` with a client timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from dataclasses import dataclass

TRICKLE = 1.0  # seconds between two bytes


@dataclass
class Probe:
    status: int | None  # None: no answer within the client timeout
    seconds: float


async def _slow_header(port: int, host: str, stop: asyncio.Event, opened: list) -> None:
    with contextlib.suppress(OSError):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        opened.append(writer)
        writer.write(f"GET /sv/ HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode())
        await writer.drain()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), TRICKLE)
            writer.write(b"x")
            await writer.drain()


async def _slow_read(port: int, host: str, stop: asyncio.Event, opened: list) -> None:
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)  # before connecting
    sock.setblocking(False)
    opened.append(sock)
    with contextlib.suppress(OSError):
        await loop.sock_connect(sock, ("127.0.0.1", port))
        request = f"GET /sv/ HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        await loop.sock_sendall(sock, request * 10)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), TRICKLE)
            if not await loop.sock_recv(sock, 1):
                return


async def _probe(port: int, host: str, path: str, timeout: float) -> Probe:
    start = time.perf_counter()
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()

    async def fetch() -> int:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(request)
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            await reader.read()  # the whole answer
            return status
        finally:
            writer.close()

    try:
        status = await asyncio.wait_for(fetch(), timeout)
    except (TimeoutError, OSError, IndexError, ValueError):
        status = None
    return Probe(status, time.perf_counter() - start)


async def _attack(port, host, slow_headers, slow_reads, probes, path, timeout) -> list[Probe]:
    stop = asyncio.Event()
    opened: list = []
    attackers = [
        *(asyncio.create_task(_slow_header(port, host, stop, opened)) for _ in range(slow_headers)),
        *(asyncio.create_task(_slow_read(port, host, stop, opened)) for _ in range(slow_reads)),
    ]
    deadline = time.monotonic() + 10
    while len(opened) < slow_headers + slow_reads and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(TRICKLE)  # every attacker has sent its first bytes
    try:
        return [await _probe(port, host, path, timeout) for _ in range(probes)]
    finally:
        stop.set()
        for task in attackers:
            task.cancel()
        await asyncio.gather(*attackers, return_exceptions=True)
        for item in opened:
            item.close()


def attack(
    port: int,
    host: str,
    slow_headers: int = 300,
    slow_reads: int = 300,
    probes: int = 20,
    path: str = "/sv/",
    timeout: float = 5.0,
) -> list[Probe]:
    """Hold ``slow_headers`` + ``slow_reads`` connections open on 127.0.0.1:``port`` and
    send ``probes`` requests for ``path`` meanwhile, one after the other. In a thread of its
    own: the caller's thread may already run an event loop (Playwright's sync API does)."""
    results: list[Probe] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            coroutine = _attack(port, host, slow_headers, slow_reads, probes, path, timeout)
            results.extend(asyncio.run(coroutine))
        except BaseException as exc:  # re-raised in the caller
            failure.append(exc)

    thread = threading.Thread(target=run, name="slow-clients")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return results
