"""The What-if screen, until its issue lands: the navigation is already final."""

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from kpitui.app.widgets.screen_tabs import ScreenTabs


class ComingScreen(Screen):
    """A screen that says what it will hold."""

    MODE = ""
    PROMISE = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs(self.MODE)
        with Middle(), Center():
            yield Static(self.PROMISE, classes="coming")
        yield Footer()


class WhatIfScreen(ComingScreen):
    """Coming: scenarios side by side, levers, forward calculation."""

    MODE = "whatif"
    PROMISE = (
        "What-if — coming soon.\n\nBaseline and scenarios side by side, the cheapest lever, and "
        "what a given top of the funnel brings. Meanwhile: kpitui calc PLAN --scenario NAME --top N."
    )
