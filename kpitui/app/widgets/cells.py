"""Table cells made from plan text: literal, with hidden characters visible, cut by display width."""

from rich.text import Text

from kpitui.core.safe_text import visible


def literal(text: str, *, width: int | None = None, style: str = "") -> Text:
    """`text` as a Rich Text that is never read as markup, cut to `width` terminal cells with an ellipsis."""
    cell = Text(visible(text), style=style, no_wrap=True, overflow="ellipsis")
    if width is not None and cell.cell_len > width:
        cell.truncate(width, overflow="ellipsis")
    return cell


def number(text: str, *, style: str = "") -> Text:
    """A right-aligned figure."""
    return Text(text, style=style, justify="right", no_wrap=True)
