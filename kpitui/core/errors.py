"""The errors the core raises about plans: a file that cannot be read, checked or saved, and a rule broken."""

from kpitui.core.text.i18n import N_, _
from kpitui.core.text.safe_text import visible

_BARE_KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"  # what TOML writes unquoted


def key_part(name: str) -> str:
    """A key as it stands in a key path: bare when it can be, quoted otherwise."""
    if name and not name.strip(_BARE_KEY):  # every character one of them (a regex costs start-up time)
        return name
    return '"' + visible(name).replace('"', '\\"') + '"'


def named_path(path: str) -> str:
    """A path as a message names it: as it is, in quotes when spaces at an end (or nothing but
    spaces) would hide it, and an empty one called empty; hidden characters are escaped on output."""
    if not path:
        return _("(an empty path)")
    if path.strip() != path:
        return '"' + path.replace('"', '\\"') + '"'
    return path


# The system's own words for the failures people meet (as the C library writes them), so that they
# read in the interface language too; any other reason is shown as the system gives it.
SYSTEM_REASONS = (
    N_("No space left on device"),
    N_("Disk quota exceeded"),
    N_("Broken pipe"),
    N_("Permission denied"),
    N_("Read-only file system"),
    N_("Input/output error"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File too large"),
    N_("Too many open files"),
    N_("Bad file descriptor"),
)


def os_reason(error: BaseException) -> str:
    """Why an operating-system call failed, in the interface language when the reason is a common one."""
    reason = getattr(error, "strerror", None) or str(error)
    return _(reason) if reason in SYSTEM_REASONS else reason


class RuleError(ValueError):
    """A rule of the plan format broken at a key path (`stages[2].rate`; "" for the plan as a whole).

    The plan model raises it, so a plan that breaks a rule cannot exist; the loader reports it
    with the file's name, an edit shows it where the user typed.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.path = path
        self.reason = reason

    def under(self, prefix: str) -> "RuleError":
        """The same error seen from the table that holds it: `rate` under `stages[2]`."""
        if not self.path:
            return RuleError(prefix, self.reason)
        joiner = "" if self.path.startswith("[") else "."
        return RuleError(f"{prefix}{joiner}{self.path}", self.reason)


class PlanError(Exception):
    """A problem with a plan file, already worded for the user: file, place, what is wrong."""

    @classmethod
    def at_key(cls, source: str, key_path: str, message: str) -> "PlanError":
        """A rule broken at a key path: `plan.toml: stages[2].rate: must be ...`."""
        return cls(f"{named_path(source)}: {key_path}: {message}")

    @classmethod
    def at_position(cls, source: str, line: int, column: int, message: str) -> "PlanError":
        """A syntax error at a line and column: `plan.toml:3:9: ...`."""
        return cls(f"{named_path(source)}:{line}:{column}: {message}")

    @classmethod
    def of_file(cls, source: str, message: str) -> "PlanError":
        """A problem with the file as a whole: `plan.toml: not found`."""
        return cls(f"{named_path(source)}: {message}")
