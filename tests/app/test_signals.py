"""The real app in a real terminal: every ending signal keeps the unsaved work and gives the terminal back."""

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import sys
import termios
import time
from decimal import Decimal

import pytest

from kpitui.core.session import recovery
from tests.app.helpers import restored_on_next_open

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


class Terminal:
    """kpitui running on the far side of a pseudo-terminal, as a person's terminal would run it."""

    def __init__(self, plan, state, *, hangup_blocked: bool = False) -> None:
        env = {
            **os.environ,
            "XDG_STATE_HOME": str(state),
            "TERM": "xterm-256color",
            "KPITUI_LANG": "en",
            "COLUMNS": "100",
            "LINES": "30",
        }
        env.pop("TEXTUAL", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: its controlling terminal is the pty, as in a terminal window
            if hangup_blocked:  # as when the shell that started it takes the SIGHUP and nothing reaches it
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
            os.execve(sys.executable, [sys.executable, "-m", "kpitui", str(plan)], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = b""
        self.status: int | None = None

    def read_until(self, wanted: bytes, timeout: float = 20) -> bool:
        """Read what the app draws until `wanted` shows up; False if it did not in time."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while wanted not in self.output[start:] and time.monotonic() < deadline:
            if not self.read(0.1):
                return wanted in self.output[start:]
        return wanted in self.output[start:]

    def read(self, wait: float) -> bool:
        """Take what is there to read; False once the terminal is closed."""
        if self.fd < 0:
            time.sleep(wait)
            return False
        ready, _, _ = select.select([self.fd], [], [], wait)
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the app is gone and the pty closed
                return False
            if not data:
                return False
            self.output += data
        return True

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def wait_for_exit(self, timeout: float = 15) -> int:
        """Read until the app ends; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self.read(0.05):
                    pass
                return status
            self.read(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("the app did not end")

    def echo_is_on(self) -> bool:
        return bool(termios.tcgetattr(self.fd)[3] & termios.ECHO)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


@pytest.fixture
def terminal(tmp_path, samples, state_folder):
    plan = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", plan)
    opened = Terminal(plan, state_folder)
    yield opened, plan
    ended(opened)


def ended(terminal: Terminal) -> None:
    """The terminal closed and the app gone, whatever the test left."""
    terminal.close()
    try:
        os.kill(terminal.pid, signal.SIGKILL)
        os.waitpid(terminal.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def make_an_edit(terminal: Terminal) -> None:
    assert terminal.read_until(b"Visits"), terminal.output[-2000:]
    assert terminal.echo_is_on() is False  # the app has the terminal
    terminal.type("r")
    assert terminal.read_until(b"Enter keeps it")
    terminal.type("20\r")
    assert terminal.read_until(b"modified")


async def assert_offered_on_next_open(plan) -> None:
    copies = recovery.find_recoveries(plan)
    assert [copy.plan.stages[0].rate for copy in copies] == [Decimal("0.2")]
    assert (await restored_on_next_open(plan)).stages[0].rate == Decimal("0.2")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGINT], ids=lambda n: n.name)
async def test_a_signal_keeps_the_work_and_gives_the_terminal_back(terminal, number):
    term, plan = terminal
    make_an_edit(term)
    os.kill(term.pid, number)
    status = term.wait_for_exit()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + number
    ended = term.output[term.output.rindex(b"modified") :]
    assert LEAVE_ALTERNATE_SCREEN in ended and MOUSE_OFF in ended
    assert term.echo_is_on()
    assert b"your unsaved work is kept in" in ended
    await assert_offered_on_next_open(plan)


async def test_closing_the_terminal_keeps_the_work(terminal):
    term, plan = terminal
    make_an_edit(term)
    term.close()  # the window goes: the app gets SIGHUP and a terminal that is gone
    status = term.wait_for_exit()
    assert os.WIFEXITED(status)
    await assert_offered_on_next_open(plan)


async def test_a_terminal_gone_without_a_sighup_still_ends_the_app_and_keeps_the_work(tmp_path, samples, state_folder):
    """The terminal hangs up and no SIGHUP arrives: its input reads end-of-file for ever (Textual's
    input thread spun on it on both cores); the app sees the terminal is gone and ends as on SIGHUP."""
    plan = tmp_path / "plan.toml"
    shutil.copy(samples / "web-reference.toml", plan)
    term = Terminal(plan, state_folder, hangup_blocked=True)
    try:
        make_an_edit(term)
        term.close()
        status = term.wait_for_exit()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 128 + signal.SIGHUP
        await assert_offered_on_next_open(plan)
    finally:
        ended(term)
