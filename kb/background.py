"""What a web worker does beside its requests: opening a new generation in a thread of its own,
giving way to the requests being answered meanwhile.

A thread of the worker's process shares its GIL with the requests. Left alone, an opening thread
takes the GIL whenever a request lets it go (every NumPy call on a large array, every read) and
keeps it until the interpreter's switch interval (5 ms) runs out: a search that lets the GIL go
a hundred times waits half a second (the first search after a swap took 580-887 ms at 100 000
entries). So while it opens (`giving_way`), the thread looks at each Python call whether a
request is being answered and, once it has had its slice (SLICE), waits for it (at most
GIVE_WAY_MAX, so a steady stream of requests still lets the opening finish); and the switch
interval is short, so a request that comes in mid-slice waits a fraction of a millisecond for
the GIL each time, not five.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

SWITCH_WHILE_OPENING = 0.0002   # s: the GIL's switch interval while a generation opens in the background
SLICE = 0.005                   # s the opening runs, once it has waited, before it looks again
GIVE_WAY_POLL = 0.002           # s between two looks at whether requests are still being answered
GIVE_WAY_MAX = 0.025            # s it waits at most before its next slice


class Requests:
    """How many requests the worker is answering now (Flask's before/teardown hooks count them)."""

    def __init__(self):
        self.active = 0
        self._sleep = _real_sleep()
        self._until = 0.0

    def started(self) -> None:
        self.active += 1

    def finished(self, _exc=None) -> None:
        self.active = max(0, self.active - 1)

    def give_way(self) -> None:
        """Wait while requests are being answered, at most GIVE_WAY_MAX."""
        deadline = time.monotonic() + GIVE_WAY_MAX
        while self.active and time.monotonic() < deadline:
            self._sleep(GIVE_WAY_POLL)

    def _checkpoint(self, frame, event, arg):
        """sys.settrace's function in the opening thread: called at each Python call, traces
        nothing (returns None), gives way to the requests once the slice is spent."""
        if self.active and time.monotonic() >= self._until:
            self.give_way()
            self._until = time.monotonic() + SLICE

    @contextmanager
    def giving_way(self):
        """Run the block (in a background thread) giving way to the requests, as the module says."""
        switch, previous = sys.getswitchinterval(), sys.gettrace()
        sys.setswitchinterval(min(switch, SWITCH_WHILE_OPENING))
        sys.settrace(self._checkpoint)       # this thread only
        try:
            yield
        finally:
            sys.settrace(previous)
            sys.setswitchinterval(switch)


class Background:
    """A call run in a real thread of its own: a threading.Thread, or under gevent's monkey
    patching (gunicorn's gevent workers) a thread of gevent's pool, since a patched Thread is
    a greenlet and a CPU-bound opening would stop every other request of the worker."""

    def __init__(self, target, generation: str):
        name = f"kb-open-{generation}"
        if _gevent_patched():
            import gevent

            self.result = gevent.get_hub().threadpool.spawn(_named(target, name), generation)
            self.thread = None
        else:
            self.thread = threading.Thread(target=target, args=(generation,), daemon=True, name=name)
            self.thread.start()

    def done(self) -> bool:
        return not self.thread.is_alive() if self.thread is not None else self.result.ready()

    def wait(self, timeout: float) -> None:
        if self.thread is not None:
            self.thread.join(timeout)
        else:
            self.result.wait(timeout)


def _gevent_patched() -> bool:
    try:
        from gevent import monkey
    except ImportError:
        return False
    return monkey.is_module_patched("threading")


def _real_sleep():
    """time.sleep as the OS gives it: gevent's patched one would switch greenlets, and the
    background thread (a thread of gevent's pool) has none to switch to."""
    if _gevent_patched():
        from gevent import monkey

        return monkey.get_original("time", "sleep")
    return time.sleep


def _named(target, name: str):
    def run(generation):
        threading.current_thread().name = name
        return target(generation)
    return run
