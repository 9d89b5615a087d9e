"""The app in Japanese (SPEC 7): every screen, dialog and notification reads in Japanese, money in
万/億, input typed as a Japanese keyboard types it, and no sign of ambiguous width in what kpitui draws."""

import re
import unicodedata
from decimal import Decimal

import pytest

from kpitui.app.factory import make_app
from kpitui.core.text.formatting import format_money
from kpitui.core.text.safe_text import visible
from tests.app.helpers import editor_state, open_editor, record_notifications, screen_text, type_text, wait_until

PLAN = "web-reference-ja.toml"
SCREENS = ["1", "2", "3", "4"]  # Funnel, Review, What-if, Progress
# English a Japanese interface keeps: the method's acronyms, key names, the file format's words.
KEPT = {
    "KPI", "KGI", "OK", "CSV", "What", "if", "Enter", "Escape", "Tab", "toml", "plan", "MiB", "UTF", "Shift_JIS",
    "pt", "SVG", "enter", "space", "ctrl", "shift", "del", "delete", "f1", "f2", "p", "home", "end", "pgup", "pgdn",
    "up", "down", "left", "right", "esc", "tab",
}  # fmt: skip
# Signs East Asian terminals draw two cells wide, breaking the columns after them.
AMBIGUOUS_SIGNS = {"—", "·", "│", "┃", "█", "◆", "→", "●", "※", "×"}


def english_words(text: str, plan_text: str) -> set[str]:
    """Words of two or more Latin letters on the screen that are neither the plan's own nor kept on purpose."""
    words = set(re.findall(r"[A-Za-z][A-Za-z_]+", text))
    return {word for word in words if word not in KEPT and word not in plan_text and len(word) > 1}


def plan_words(samples) -> str:
    return visible((samples / PLAN).read_text(encoding="utf-8")) + " web-reference-ja"


def content_lines(text: str) -> list[str]:
    """The screen without its frames: the borders are Textual's (box drawing), not kpitui's signs."""
    frames = "╭╮╰╯─│▔▁▊▎▌▏▐█▀▄▂▅"
    return ["".join(" " if c in frames else c for c in line) for line in text.splitlines()]


async def check_japanese(app, samples) -> str:
    text = screen_text(app)
    assert not english_words(text, plan_words(samples)), text
    return text


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("screen_key", SCREENS)
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_reads_in_japanese(samples, screen_key, size):
    app = make_app(samples / PLAN)
    async with app.run_test(size=size) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        await check_japanese(app, samples)


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("screen_key", SCREENS)
async def test_the_help_of_every_screen_reads_in_japanese(samples, screen_key):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press(screen_key, "f1")
        await pilot.pause()
        text = await check_japanese(app, samples)
        assert "ヘルプ" in text or "キー" in text
        for line in content_lines(text):
            assert not line.lstrip().startswith(("、", "。", "ー")), line


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("screen_key", SCREENS)
async def test_kpitui_draws_no_sign_of_ambiguous_width_in_japanese(samples, screen_key):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        text = "\n".join(content_lines(screen_text(app)))
        plan = (samples / PLAN).read_text(encoding="utf-8")
        drawn = {c for c in text if unicodedata.east_asian_width(c) == "A" and c not in plan}
        assert not drawn & AMBIGUOUS_SIGNS, drawn


async def test_the_footer_help_and_palette_follow_the_language_chosen_at_run_time(samples):
    """Bindings are class attributes: the same classes speak English, then Japanese, in one process."""
    from kpitui.core.text.i18n import set_language

    for language, save in (("en", "Save"), ("ja", "保存"), ("en", "Save")):
        set_language(language)
        app = make_app(samples / PLAN)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert f"^s {save}" in screen_text(app)


@pytest.mark.usefixtures("japanese")
async def test_money_reads_in_myriads_and_counts_carry_their_unit(samples):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "10億円" in text and "1,000万円" in text
        assert "受注 20件" in text and "12か月" in text and "100件" in text
        assert "1,000,000,000" not in text


@pytest.mark.usefixtures("japanese")
async def test_notifications_and_dialogs_read_in_japanese(samples):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        seen = record_notifications(app)
        await pilot.press("down", "d")  # delete a stage: said, with the key that brings it back
        await pilot.pause()
        assert seen and "削除しました" in seen[-1], seen
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "元に戻しました" in seen[-1], seen
        await pilot.press("d", "ctrl+q")  # the quit question and its buttons
        await pilot.pause()
        text = await check_japanese(app, samples)
        assert "終了する前に保存しますか" in text and "破棄 (d)" in text


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize(("typed", "rate"), [("４５％", "0.45"), ("１２．５％", "0.125"), ("12.5%", "0.125")])
async def test_the_rate_editor_takes_what_a_japanese_keyboard_types(samples, typed, rate):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_editor(pilot, "r")
        await type_text(pilot, typed)
        assert editor_state(app)[0] == typed  # every character arrived, as typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.plan.stages[0].rate == Decimal(rate)


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize(
    ("row", "typed", "amount"),
    [
        (1, "１２億", 1_200_000_000),
        (1, "12億3,456万7,890円", 1_234_567_890),
        (2, "1,000万円", 10_000_000),
        (2, "１０００万", 10_000_000),
    ],
)
async def test_the_money_editors_take_myriads_and_full_width_digits(samples, row, typed, amount):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("g", *["down"] * row)
        await open_editor(pilot, "enter")
        await type_text(pilot, typed)
        assert editor_state(app)[0] == typed  # every character arrived, as typed
        await pilot.press("enter")
        await pilot.pause()
        goal = app.document.plan.goal
        assert (goal.revenue if row == 1 else goal.average_deal) == amount
        assert format_money(Decimal(amount), "円") in screen_text(app)


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize(("typed", "count"), [("１，０００", 1000), ("1,000", 1000), ("１万", 10_000), ("０", 0)])
async def test_the_count_editor_takes_full_width_digits(samples, typed, count):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        stage, month = app.screen.grid.cell_at(app.screen.grid.cursor_coordinate)[:2]
        await open_editor(pilot, "enter")
        await type_text(pilot, typed)
        assert editor_state(app)[0] == typed  # every character arrived, as typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.plan.actuals[month][stage] == count


def line_starts(text: str) -> list[str]:
    """The first character of every line of the screen's content (frames taken out)."""
    return [line.strip()[0] for line in content_lines(text) if line.strip()]


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("width", [80, 77, 71, 66])
async def test_dialog_questions_wrap_without_a_line_starting_with_a_closing_mark(samples, tmp_path, width):
    """The recovery question names a path of any length: wherever it wraps, 。 and ） never start a line."""
    from kpitui.app.dialogs.choice import Choice, ChoiceDialog
    from kpitui.core.text.i18n import tr

    app = make_app(samples / PLAN)
    async with app.run_test(size=(width, 24)) as pilot:
        for length in range(1, 30, 2):
            question = tr(
                "kpitui kept unsaved work for this plan on {written} ({path}){several}. Restore it?",
                written="2026-07-01 09:30",
                path="計画" * length,
                several="",
            )
            app.push_screen(ChoiceDialog(question, [Choice("cancel", "キャンセル", "c")]))
            await pilot.pause()
            assert not set(line_starts(screen_text(app))) & {"、", "。", "ー", "？", "）"}
            app.pop_screen()


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("width", [80, 72, 61])
async def test_the_review_question_wraps_without_a_line_starting_with_a_closing_mark(samples, width):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("2")
        for _ in range(4):
            await pilot.press("right")
            await pilot.pause()
            assert not set(line_starts(screen_text(app))) & {"、", "。", "ー", "？", "）"}


@pytest.mark.usefixtures("japanese")
@pytest.mark.parametrize("width", [80, 100])
async def test_notifications_wrap_without_a_line_starting_with_a_closing_mark(samples, width):
    """Deleting 集客(自社サイトの訪問) says so in a toast whose first line ends just before 。 at 80 columns."""
    app = make_app(samples / PLAN)
    async with app.run_test(size=(width, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await wait_until(pilot, lambda: "削除しまし" in screen_text(app))
        text = screen_text(app)
        assert not set(line_starts(text)) & {"、", "。", "ー", "？", "）"}, text


GROUPING = "a comma (or _) goes only between groups of three digits"


@pytest.mark.parametrize(("row", "typed"), [(1, "1,5"), (2, "12,5"), (1, "１，５"), (1, "1,0万"), (2, "٣")])
async def test_the_money_editors_refuse_a_decimal_comma_and_other_scripts_digits(samples, row, typed):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        before = app.document.plan.goal
        await pilot.press("g", *["down"] * row)
        await open_editor(pilot, "enter")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        value, problem = editor_state(app)  # still open, saying how to write it
        assert value == typed and (GROUPING in problem or "write digits as 0-9" in problem)
        assert app.document.plan.goal == before


@pytest.mark.parametrize("typed", ["1,0,0,0", "0,5", "٣"])
async def test_the_count_editor_refuses_a_misplaced_separator_and_other_scripts_digits(samples, typed):
    app = make_app(samples / PLAN)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        actuals = app.document.plan.actuals
        await open_editor(pilot, "enter")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        value, problem = editor_state(app)
        assert value == typed and (GROUPING in problem or "write digits as 0-9" in problem)
        assert app.document.plan.actuals == actuals
