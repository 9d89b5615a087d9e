"""The tab bar across the top of every screen: where you are, and a click away from the others.

One line of text rather than Textual's Tabs: a tab bar of several widgets with an animated
underline cost a tenth of the app's start-up, and this one only has to show four labels.
"""

from textual.content import Content
from textual.widgets import Static

from kpitui.app.safety import FailSafe
from kpitui.core.text.i18n import N_, _

SCREEN_TABS = (("funnel", N_("Funnel")), ("review", N_("Review")), ("whatif", N_("What-if")), ("progress", N_("Progress")))


def tab_bar(active: str) -> Content:
    """The labels, the active one highlighted, the others clickable (our own markup, no plan text)."""
    parts = []
    for number, (mode, name) in enumerate(SCREEN_TABS, start=1):
        label = f"{number} {_(name)}"
        if mode == active:
            parts.append(f"[b reverse] {label} [/]")
        else:
            parts.append(f"[@click=app.show_screen('{mode}')] {label} [/]")
    return Content.from_markup("  ".join(parts))


class ScreenTabs(FailSafe, Static):
    """The app's screens as tabs; keys 1-4 switch too."""

    DEFAULT_CSS = """
    ScreenTabs { height: 1; margin: 0 0 1 0; color: $text-muted; }
    """

    def __init__(self, active: str) -> None:
        super().__init__(tab_bar(active))
