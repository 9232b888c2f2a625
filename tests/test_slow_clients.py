"""Slow and hostile clients: 200 connections that trickle or stall their requests do not stop the
service from answering others within a second, and a stalled connection is dropped in bounded time."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

CONNECTIONS = 200
KEEPALIVE = 5          # gunicorn.conf.py: seconds allowed to read one request


class Trickler(threading.Thread):
    """Open many connections; send half a request line on each, then one byte a second (or nothing)."""

    def __init__(self, port: int, count: int, trickle: bool):
        super().__init__(daemon=True)
        self.port, self.count, self.trickle = port, count, trickle
        self.sockets: list[socket.socket] = []
        self.opened = threading.Event()
        self.stop = threading.Event()

    def run(self):
        for _ in range(self.count):
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            sock.sendall(b"GET /search?q=chi")
            self.sockets.append(sock)
        self.opened.set()
        while self.trickle and not self.stop.wait(1.0):
            for sock in self.sockets:
                try:
                    sock.send(b"l")
                except OSError:
                    pass

    def closed_by_server(self) -> int:
        """How many of the connections the server has closed: a read gives EOF (perhaps after an
        error answer) or a reset; a connection still open times out instead."""
        closed = 0
        for sock in self.sockets:
            sock.settimeout(0.05)
            try:
                while sock.recv(4096):
                    pass
                closed += 1
            except TimeoutError:
                pass
            except OSError:
                closed += 1
        return closed


def timed_get(url: str) -> float:
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - start


@pytest.mark.slow
def test_200_slow_connections_leave_the_service_answering_and_are_dropped(served):
    trickling = Trickler(served.port, CONNECTIONS // 2, trickle=True)
    stalled = Trickler(served.port, CONNECTIONS // 2, trickle=False)
    for group in (trickling, stalled):
        group.start()
    try:
        assert trickling.opened.wait(20) and stalled.opened.wait(20)
        time.sleep(1.5)   # all 200 are now held open, mid-request
        for _ in range(5):
            assert timed_get(served.url + "/health") < 1.0
            assert timed_get(served.url + "/api/search?q=evening+schools") < 1.0
            assert timed_get(served.url + "/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D1%8B") < 1.0
        time.sleep(KEEPALIVE + 2)
        assert trickling.closed_by_server() == len(trickling.sockets), "a trickling client was kept"
        assert stalled.closed_by_server() == len(stalled.sockets), "a stalled client was kept"
        assert timed_get(served.url + "/health") < 1.0
    finally:
        trickling.stop.set()
        for sock in trickling.sockets + stalled.sockets:
            sock.close()
