"""What the counter's queue panel shows for one reading of its counter: the big number, the ticket
details, the state line, the waiting counts, and which buttons may be pressed.

Guarantees: `panel_display()` is pure — it reads only its arguments (and the current translator)
and touches no widget, so the panel applies the same result whether the reading came from the
poll or from an action. Its strings keep the panel's translation context ("QueuePanel", the
context `QueuePanel.tr` used), so the existing translations still apply. Buttons are named by
their objectName (`queue.call_next` …); the panel owns the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from counter_app.services.queue_lists import CounterView
from counter_app.services.queue_types import CALLED, PAUSED, SERVING, TicketInfo
from counter_app.ui import labels

PANEL_POINT_SIZE = 12.0
NUMBER_POINT_SIZE = 28.0
NUMBER_COLOUR = "#0b3d91"
FREE_COLOUR = "#7a7a7a"


def ticket_in(view: CounterView, *statuses: str) -> TicketInfo | None:
    """The counter's ticket when its status is one of `statuses`, else None."""
    ticket = view.ticket
    return ticket if ticket is not None and ticket.status in statuses else None


@dataclass(frozen=True)
class PanelDisplay:
    number: str
    number_colour: str
    number_point_size: float
    details: str
    state: str
    waiting: str
    paused: bool
    serving: tuple[str, str]  # (ticket id, number) served now; ("", "") when none
    enabled: dict[str, bool] = field(default_factory=dict)  # button objectName -> may be pressed


def panel_display(view: CounterView, counter_number: int, busy: bool) -> PanelDisplay:
    """The panel for `view`; while `busy` (an action runs) no button may be pressed."""
    ticket = view.ticket
    paused, called, serving = view.status == PAUSED, ticket_in(view, CALLED), ticket_in(view, SERVING)
    if ticket is None:
        details = labels.counter_state_label(view.status)
    else:
        parts = [labels.ticket_status_label(ticket.status)]
        if called:
            parts.append(QCoreApplication.translate("QueuePanel", "call {n}").format(n=ticket.calls))
        if ticket.priority:
            parts.append(QCoreApplication.translate("QueuePanel", "PRIORITY"))
        details = f"{ticket.group_code} — {ticket.group_name}\n" + " · ".join(parts)
    since = view.since.strftime("%H:%M") if view.since else ""
    duration = labels.duration(view.for_seconds)
    if paused:
        state = QCoreApplication.translate("QueuePanel", "Paused: {reason} — since {time}").format(reason=view.reason, time=since)
    elif serving:
        state = QCoreApplication.translate("QueuePanel", "Serving {number} for {duration}").format(
            number=serving.display, duration=duration)
    elif called:
        state = QCoreApplication.translate("QueuePanel", "Calling {number} for {duration}: waiting for the holder").format(
            number=called.display, duration=duration)
    else:
        state = QCoreApplication.translate("QueuePanel", "Free — call the next ticket")
    counts = "   ".join(f"{code}: {n}" for code, n in view.waiting)
    idle = not busy
    return PanelDisplay(
        # Free: the counter's own number, greyed, where the ticket number goes.
        number=ticket.display if ticket else QCoreApplication.translate("QueuePanel", "Counter {n}").format(n=counter_number),
        number_colour=NUMBER_COLOUR if ticket else FREE_COLOUR,
        number_point_size=NUMBER_POINT_SIZE if ticket else PANEL_POINT_SIZE + 6,
        details=details,
        state=state,
        waiting=QCoreApplication.translate("QueuePanel", "Waiting: {counts}").format(counts=counts or "0"),
        paused=paused,
        serving=(serving.id, serving.display) if serving else ("", ""),
        enabled={
            "queue.call_next": idle and not paused and ticket is None,
            "queue.recall": idle and called is not None,
            "queue.no_show": idle and called is not None,
            "queue.start": idle and called is not None and not paused,
            "queue.finish": idle and serving is not None,
            "queue.transfer": idle and ticket is not None,
            "queue.pause": idle and not paused and serving is None,
            "queue.resume": idle and paused,
            "queue.call_number": idle and not paused and serving is None,
            "queue.reprint": idle,
        },
    )
