"""Start an app headless, exit as soon as its first frame is up: `python -m benchmarks.first_frame kpitui|bare`."""

import sys


def bare_app():
    """The baseline: a Textual app showing a DataTable of five rows, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Stage", "Rate", "Target")
            for row in range(5):
                table.add_row(f"Stage {row}", "50%", "100")

    return Bare()


def main() -> None:
    if sys.argv[1] == "bare":
        app = bare_app()
    else:
        from kpitui.app.factory import make_app

        app = make_app(None)

    async def leave(pilot) -> None:
        pilot.app.exit()

    app.run(headless=True, auto_pilot=leave)


if __name__ == "__main__":
    main()
