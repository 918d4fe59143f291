"""Which process owns an import run, and whether that process is still there.

A run records its owner as the host's name, the process id and the process's start time
(as the operating system gives it, where it does: a process id can be reused, a process id
with its start time cannot). Another process on the same host can then tell, without
waiting for a heartbeat to grow stale, that the owner is gone: killed, crashed, or the
earlier incarnation of a restarted server. A process on another host cannot see the owner
at all; for it only the run's heartbeat tells (service/editing/holds.py)."""

import os
import socket
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")


@dataclass(frozen=True)
class Owner:
    host: str
    pid: int
    # The process's start time in clock ticks after boot (Linux); "" where unknown.
    started: str

    def is_gone(self) -> bool:
        """True only when this process can be sure: the owner ran on this host and no
        process with its id and start time is running now (a killed process that its
        parent has not yet reaped counts as gone). An owner on another host is never
        called gone here."""
        if self.host != socket.gethostname():
            return False
        if self.pid == os.getpid():
            return self.started != _start_time(self.pid)
        state = _state(self.pid)
        if state is None:
            return not _exists(self.pid)
        status, started = state
        return status in ("Z", "X") or (bool(self.started) and started != self.started)


def this_process() -> Owner:
    return Owner(socket.gethostname(), os.getpid(), _start_time(os.getpid()))


def _start_time(pid: int) -> str:
    state = _state(pid)
    return state[1] if state else ""


def _state(pid: int) -> tuple[str, str] | None:
    """The process's status letter and start time from /proc; None where there is no
    /proc (or no such process in it)."""
    try:
        stat = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (second field) may hold spaces and parentheses; what follows the
    # last ")" is fields 3 onwards: the status, then the start time is field 22.
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], fields[19]


def _exists(pid: int) -> bool:
    """Whether a process with this id runs, where /proc cannot say (no /proc, or one that
    hides other users' processes)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but there
    return True
