"""Text from a plan file is only ever shown as text: no markup, no links, no escape sequences."""

from kpitui.app.factory import make_app
from kpitui.app.widgets.stage_table import StageTable
from kpitui.core.files.planfile import load_plan
from tests.app.helpers import column_texts, open_editor, record_notifications


async def test_markup_in_names_is_shown_literally_and_clicking_does_nothing(samples):
    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        table = app.screen.query_one(StageTable)
        names = column_texts(table, "name")
        assert names[0] == "[@click=app.quit]Visits[/]"
        assert names[1] == "Top [of] funnel"
        assert names[2] == "Leads \\x1b[31mred\\x1b[0m \\u202eevil"
        assert column_texts(table, "metric")[0].startswith("[bold]not bold[/] :")
        await pilot.click(StageTable, offset=(4, 1))
        await pilot.pause()
        assert app.is_running
        assert app.title == "[b]Hostile[/b] \\x1b]0;pwned\\x07 plan"


async def test_notifications_show_names_literally(samples):
    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(notifications=True) as pilot:
        seen = record_notifications(app)
        await pilot.press("d")
        await pilot.pause()
        assert seen == ["Deleted [@click=app.quit]Visits[/]. ^z brings it back."]
        assert app.is_running


async def test_long_and_wide_names_are_cut_by_display_width(samples):
    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(size=(80, 24)):
        table = app.screen.query_one(StageTable)
        name_cell = table.get_cell_at((3, 0))
        assert name_cell.plain.startswith("見込み顧客獲得") and name_cell.plain.endswith("…")
        assert name_cell.cell_len <= 40  # cut by terminal cells (2 a character here), not characters


async def test_scenario_names_and_file_paths_stay_literal_on_the_what_if_screen(tmp_path, samples):
    from kpitui.app.widgets.comparison_table import ComparisonTable

    folder = tmp_path / "[b]odd"
    folder.mkdir()
    other = folder / "other.toml"
    other.write_text((samples / "saas-trial.toml").read_text())
    plan = tmp_path / "plan.toml"
    plan.write_text((samples / "hostile-names.toml").read_text() + '\n[[scenarios]]\nname = "[@click=app.quit]x[/]"\n')
    app = make_app(plan)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        seen = record_notifications(app)
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one(ComparisonTable)
        table.select_column(2)  # after the sample's own scenario
        await pilot.pause()
        panel = app.screen.query_one("#levers-panel")
        assert panel.border_title == "[@click=app.quit]x[/]: levers and forward".replace("[", "\\[")
        app.screen.beside.append((other, load_plan(other)))
        app.screen.show_plan(app.document.plan)
        table.select_column(3)
        await pilot.press("d")
        assert seen == [f"This column comes from {other}: open that plan to change it."]
        assert app.is_running


async def test_editors_open_on_escapes_and_give_back_what_the_user_left_alone(samples):
    from textual.widgets import Input

    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(size=(120, 36)) as pilot:
        name = app.document.plan.stages[2].name  # "Leads \x1b[31mred\x1b[0m \u202eevil"
        app.screen.query_one(StageTable).move_cursor(row=2, column=0)
        await open_editor(pilot, "enter")
        assert app.screen.query_one(Input).value == "Leads \\x1b[31mred\\x1b[0m \\u202eevil"
        await pilot.press("end", "!", "enter")
        await pilot.pause()
        assert app.document.plan.stages[2].name == name + "!"  # the escapes untouched are the characters again
        await open_editor(pilot, "enter")
        await pilot.press("home", *"\\x07 ", "enter")  # typed by hand: stays text, never a control character
        await pilot.pause()
        assert app.document.plan.stages[2].name == "\\x07 " + name + "!"


async def test_review_texts_show_escapes_and_typing_keeps_the_hidden_characters(samples):
    from textual.widgets import TextArea

    app = make_app(samples / "hostile-names.toml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        first = app.document.plan.stages[0].name
        notes = app.document.plan.review_of(first).notes
        area = app.screen.query_one("#notes", TextArea)
        assert area.text == (
            "Clipboard \\x1b]52;c;ZWNobyBwd25lZA==\\x07 write\n"
            "then \\x1b[31mred\\x1b[0m, \\u202ereversed\\u202c and zero\\u200bwidth"
        )
        await pilot.press("n", *" ok")
        await pilot.pause()
        assert app.document.plan.review_of(first).notes == notes + " ok"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.document.plan.review_of(first).notes == notes
