"""Which calls on the display board are new, so each is announced exactly once. No Qt."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

AFTER_OUTAGE_MAX = 3  # calls announced at most on the first read after a lost connection

Call = tuple[str, int, datetime]  # (ticket number, counter, time of the call or recall)


def _key(event: dict) -> Call:
    return (event["number"], event["counter"], event["at"])


class CallTracker:
    """Decides which calls on the board are new, so each is announced exactly once. No Qt.

    - The first read only learns the history: nothing is announced after a start.
    - A call or recall is known by (number, counter, time); two events with the same key in one
      read (a recall within the same second) count as two.
    - After `connection_lost()`, the next read announces only calls newer than the newest seen
      before, still waiting for their holder, and at most `AFTER_OUTAGE_MAX` of them — never a
      flood of stale calls.
    """

    def __init__(self, memory: int = 500):
        self._seen: dict[Call, int] = {}
        self._memory = memory
        self._primed = False
        self._outage = False
        self._newest: datetime | None = None

    def connection_lost(self) -> None:
        self._outage = True

    def new_calls(self, last: Sequence[dict], current: Sequence[dict] = ()) -> list[Call]:
        """The calls of `last` (newest first, as the board gives them) not announced yet, oldest first."""
        fresh: list[Call] = []
        running: Counter[Call] = Counter()
        for event in reversed(last):
            key = _key(event)
            running[key] += 1
            if running[key] > self._seen.get(key, 0):
                fresh.append(key)
        for key, n in running.items():
            self._seen[key] = max(n, self._seen.get(key, 0))
        if len(self._seen) > self._memory:  # forget the oldest; they can no longer reappear
            for key in sorted(self._seen, key=lambda k: k[2])[: len(self._seen) - self._memory]:
                del self._seen[key]
        newest_before = self._newest
        if last:
            self._newest = max(newest_before or last[0]["at"], *(event["at"] for event in last))
        primed, self._primed = self._primed, True
        outage, self._outage = self._outage, False
        if not primed:
            return []
        if outage:
            waiting = {(event["number"], event["counter"]) for event in current}
            fresh = [call for call in fresh if (newest_before is None or call[2] >= newest_before)
                     and call[:2] in waiting][-AFTER_OUTAGE_MAX:]
        return fresh
