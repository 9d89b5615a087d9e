"""The one error type the core raises for a plan that cannot be read, checked or saved."""


class PlanError(Exception):
    """A problem with a plan file, already worded for the user: file, place, what is wrong."""

    @classmethod
    def at_key(cls, source: str, key_path: str, message: str) -> "PlanError":
        """A rule broken at a key path: `plan.toml: stages[2].rate: must be ...`."""
        return cls(f"{source}: {key_path}: {message}")

    @classmethod
    def at_position(cls, source: str, line: int, column: int, message: str) -> "PlanError":
        """A syntax error at a line and column: `plan.toml:3:9: ...`."""
        return cls(f"{source}:{line}:{column}: {message}")

    @classmethod
    def of_file(cls, source: str, message: str) -> "PlanError":
        """A problem with the file as a whole: `plan.toml: not found`."""
        return cls(f"{source}: {message}")
