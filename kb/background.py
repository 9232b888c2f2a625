"""What a web worker does beside its requests: opening a new generation in a thread of its own,
in short steps that give way to the requests being answered.

A thread of the worker's process shares its GIL with the requests. Left alone, an opening thread
takes the GIL whenever a request lets it go (every NumPy call on a large array, every read) and
keeps it until the interpreter's switch interval (5 ms) runs out: a search that lets the GIL go
a hundred times waits half a second. So the opening runs in steps; between steps it waits while
a request is being answered (`Requests.give_way`), and while it opens, the switch interval is
short (`SWITCH_WHILE_OPENING`), so a request that comes in mid-step waits a fraction of a
millisecond for the GIL, not five.
"""

from __future__ import annotations

import sys
import threading
import time
from contextlib import contextmanager

SWITCH_WHILE_OPENING = 0.0002   # s: the GIL's switch interval while a generation opens in the background
GIVE_WAY_POLL = 0.002           # s between two looks at whether requests are still being answered
GIVE_WAY_MAX = 0.05             # s a step waits at most: a steady stream of requests still lets it finish


class Requests:
    """How many requests the worker is answering now (Flask's before/teardown hooks count them)."""

    def __init__(self):
        self.active = 0
        self._sleep = _real_sleep()

    def started(self) -> None:
        self.active += 1

    def finished(self, _exc=None) -> None:
        self.active = max(0, self.active - 1)

    def give_way(self) -> None:
        """Between two steps of a background job: wait while requests are being answered, at
        most GIVE_WAY_MAX, then let the job take its next step."""
        deadline = time.monotonic() + GIVE_WAY_MAX
        while self.active and time.monotonic() < deadline:
            self._sleep(GIVE_WAY_POLL)


@contextmanager
def short_switches():
    """The GIL handed over every SWITCH_WHILE_OPENING while the block runs (then as before)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, SWITCH_WHILE_OPENING))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


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
