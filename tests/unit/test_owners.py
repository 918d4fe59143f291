"""Telling whether the process that owns an import run is still there: this process is,
a child that has been killed is not (reaped or not), and one on another host is never
called gone (only its heartbeat can tell)."""

import os
import signal
import subprocess
import sys
import time

from service.editing.owners import Owner, this_process


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_this_process_is_not_gone_and_a_restart_of_its_pid_is_told_apart() -> None:
    me = this_process()
    assert me.pid == os.getpid()
    assert not me.is_gone()
    if me.started:  # where the system gives start times, a reused pid is not the owner
        assert Owner(me.host, me.pid, str(int(me.started) - 1)).is_gone()


def test_a_killed_process_is_gone_before_and_after_it_is_reaped() -> None:
    child = _sleeper()
    try:
        owner = Owner(this_process().host, child.pid, "")
        assert not owner.is_gone()
        os.kill(child.pid, signal.SIGKILL)
        # Not yet reaped by its parent (this test), it is still listed, but it is gone.
        deadline = time.monotonic() + 10
        while not owner.is_gone() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert owner.is_gone()
        child.wait()
        assert owner.is_gone()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def test_a_process_on_another_host_is_never_called_gone() -> None:
    assert not Owner("another-host.example", 999_999, "").is_gone()
