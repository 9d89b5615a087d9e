"""Run the real app in a pseudo-terminal, as a user would, and keep every byte it writes."""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
import unicodedata

from kpitui.core.text.safe_text import is_hidden

KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "f2": "\x1bOQ",
    "ctrl+q": "\x11",
}


class Terminal:
    """`python -m kpitui ARGS` in an 80x24 pseudo-terminal; `output` is all it wrote."""

    def __init__(self, *args: str, size: tuple[int, int] = (80, 24), env: dict[str, str] | None = None) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the app, in the terminal
            os.environ.update({"TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})})
            os.execv(sys.executable, [sys.executable, "-m", "kpitui", *args])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.received = bytearray()
        self.settle(quiet=1.0, timeout=30)
        assert b"\x1b[?1049h" in self.received, f"the app did not start: {self.output!r}"

    def settle(self, quiet: float = 0.25, timeout: float = 5) -> None:
        """Read until the app has answered (written something new), then written nothing for
        `quiet` seconds: it has drawn what it will, and the next key finds it ready."""
        start, end = len(self.received), time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < end and (len(self.received) == start or time.monotonic() - last < quiet):
            if select.select([self.fd], [], [], 0.02)[0]:
                try:
                    chunk = os.read(self.fd, 1 << 16)
                except OSError:  # the app has exited
                    return
                if not chunk:
                    return
                self.received.extend(chunk)
                last = time.monotonic()

    def press(self, *keys: str) -> None:
        """Press each key (a name from KEYS, or text to type), waiting for the app to answer each."""
        for key in keys:
            os.write(self.fd, KEYS.get(key, key).encode())
            # A lone ESC is told from the start of a sequence by the pause after it: keep that pause
            # even when a blinking cursor's output would make the app look as if it had answered.
            self.settle(quiet=0.5 if key == "escape" else 0.25)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        """Read until `text` has been drawn: the app got where the next keys assume it is."""
        end = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared: …{self.output[-400:]!r}")
            self.settle(quiet=0.1, timeout=1)

    @property
    def output(self) -> str:
        return self.received.decode("utf-8", errors="surrogateescape")

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


# What Textual itself writes: CSI sequences (cursor, colour, modes), OSC 22 (the mouse pointer's
# shape), and the two-character escapes ESC 7, ESC 8, ESC =, ESC >.
OWN_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\]22;[a-z-]*\x07|\x1b[78=>]")


def foreign_controls(output: str, plan_texts: list[str]) -> list[str]:
    """Control sequences and invisible characters in `output` that are not Textual's own drawing,
    and any hidden character of `plan_texts` that reached the terminal as itself."""
    found = []
    rest = OWN_SEQUENCE.sub("", output)
    for char in sorted(set(rest)):
        if char in "\r\n":
            continue
        if is_hidden(char) or unicodedata.category(char) == "Cc" or "\udc80" <= char <= "\udcff":
            where = rest.index(char)
            found.append(f"{char!r} in …{rest[max(0, where - 20) : where + 20]!r}…")
    for text in plan_texts:  # a CSI from the plan would look like Textual's own: look for it whole
        for index, char in enumerate(text):
            if is_hidden(char) and char != "\n" and text[max(0, index - 3) : index + 7] in output:
                found.append(f"{text[max(0, index - 3) : index + 7]!r} from the plan")
    return found
