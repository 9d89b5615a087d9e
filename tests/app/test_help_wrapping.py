"""The help dialog fills its paragraphs by terminal cells and the Japanese line-break rules."""

from kpitui.app.screens.help import TEXT_WIDTH, key_lines, paragraph
from kpitui.core.text.wrapping import NO_LINE_START, cell_width

JAPANESE = (
    "計画はゴールから逆算します。ゴールからKGI（このファネルがもたらすべき受注件数）が決まり、"
    "各ステージの目標は、その転換率で次のステージの目標を生む件数です。端数処理「step」は各ステージを"
    "下のステージから切り上げ、「once」はKGIから一度だけ切り上げます。転換率は25、25%、2.5のように入力します。"
)


def test_a_japanese_paragraph_fits_the_dialog_and_keeps_the_line_break_rules():
    lines = paragraph("方法", JAPANESE).splitlines()[1:]
    assert len(lines) > 2
    assert all(cell_width(line) <= TEXT_WIDTH for line in lines)  # textwrap counted characters: twice as wide
    assert all(line.startswith("  ") and line[2] not in NO_LINE_START for line in lines)


def test_a_key_s_japanese_help_wraps_under_itself():
    lines = key_lines("キー", [("ctrl+s", JAPANESE)]).splitlines()[1:]
    assert lines[0].startswith("  ctrl+s")
    assert all(cell_width(line) <= TEXT_WIDTH for line in lines)
    assert all(line[17] not in NO_LINE_START for line in lines[1:])
