"""Text that wraps the way its language is written.

Textual wraps at spaces and cuts a run without spaces at the width, so Japanese (which has no
spaces) could start a line with 、 or 。. In the Japanese interface, text with wide characters is
wrapped here instead, by cells and with kinsoku (kpitui.core.text.wrapping); English is left to
Textual, as it always was.
"""

from rich.cells import cell_len
from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static

from kpitui.app.safety import FailSafe
from kpitui.core.text.i18n import language
from kpitui.core.text.wrapping import is_wide, wrap

TOAST_WIDTH, TOAST_FRAME = 60, 3  # Textual's notification: 60 cells, at most half the screen; edge and padding


def has_wide(text: str) -> bool:
    """Whether `text` is wrapped here rather than by Textual: Japanese text in the Japanese interface
    (in English, plan text in Japanese wraps as it always did)."""
    return language() == "ja" and any(is_wide(character) for character in text)


def filled(text: str, width: int) -> str:
    """`text` wrapped to `width` cells, each of its lines on its own, kinsoku kept."""
    return "\n".join(line for paragraph in text.split("\n") for line in (wrap(paragraph, max(1, width)) or [""]))


def notification_text(message: str, screen_width: int) -> str:
    """A notification's message, wrapped ahead of Textual when it is Japanese: the toast would cut a line before 。."""
    return filled(message, min(TOAST_WIDTH, screen_width // 2) - TOAST_FRAME) if has_wide(message) else message


class Prose(FailSafe, Static):
    """A `Static` of plain text (never markup) that wraps Japanese with kinsoku."""

    def __init__(self, text: str = "", **options) -> None:
        super().__init__(text, markup=False, **options)
        self.text = text

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self.text = content if isinstance(content, str) else ""
        super().update(content, layout=layout)

    def wrapped(self) -> bool:
        """Wrapped here: Japanese that may wrap (`text-wrap: nowrap` keeps one line, cut by Textual)."""
        return self.styles.text_wrap != "nowrap" and has_wide(self.text)

    def lines(self, width: int) -> list[str]:
        return filled(self.text, width).split("\n")

    def get_content_width(self, container, viewport) -> int:
        if self.wrapped():
            return min(container.width, max(cell_len(paragraph) for paragraph in self.text.split("\n")))
        return super().get_content_width(container, viewport)

    def get_content_height(self, container, viewport, width: int) -> int:
        if self.wrapped():
            return len(self.lines(width))
        return super().get_content_height(container, viewport, width)

    def render(self):
        if self.wrapped():
            return Text("\n".join(self.lines(self.content_region.width)), no_wrap=True)
        return super().render()
