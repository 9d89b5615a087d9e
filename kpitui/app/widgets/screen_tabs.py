"""The tabs across the top of every screen: where you are, and a click away from the others."""

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.widgets import Tab, Tabs

SCREEN_TABS = (("funnel", "1 Funnel"), ("review", "2 Review"), ("whatif", "3 What-if"))


class ScreenTabs(Tabs, can_focus=False):
    """Tabs for the app's modes; clicking one asks the app to switch. Keys 1-3 do the same."""

    @dataclass
    class Chosen(Message):
        """The user clicked the tab of another screen."""

        mode: str

    def __init__(self, home: str) -> None:
        super().__init__(*(Tab(label, id=key) for key, label in SCREEN_TABS), active=home)
        self.home = home

    @on(Tabs.TabActivated)
    def switch(self, event: Tabs.TabActivated) -> None:
        """Another tab was clicked: ask for that screen; this screen's tabs stay on this screen."""
        event.stop()
        if event.tab.id != self.home:
            self.active = self.home
            self.post_message(self.Chosen(event.tab.id))
