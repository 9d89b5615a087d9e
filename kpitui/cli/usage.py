"""Exit codes and the usage error shared by the headless commands (SPEC 3)."""

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage: one line on stderr, exit 2."""
