"""Pilot tests of the Review screen: criteria from the keyboard, notes, filter, one history."""

from decimal import Decimal

from textual.color import Color
from textual.widgets import TextArea

from kpitui.app.widgets.review_table import ReviewTable
from kpitui.core.domain import edits
from kpitui.core.domain.plan import CriterionState
from tests.app.helpers import column_texts, open_editor, record_notifications

OK, CONCERN, TODO = CriterionState.OK, CriterionState.CONCERN, CriterionState.TODO


async def go_to_review(pilot) -> ReviewTable:
    await pilot.press("2")
    await pilot.pause()
    return pilot.app.screen.query_one(ReviewTable)


async def test_review_starts_on_the_first_criterion_of_the_first_kpi(app_on):
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        assert app_on.focused is table
        assert (table.selected_stage, table.selected_criterion) == ("Visits", "alignment")
        assert column_texts(table, "name") == ["Visits", "Leads", "Nurtured", "Meetings"]  # not the KGI stage


async def test_space_cycles_and_keys_set_states(app_on):
    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        await pilot.press("down", "down", "right")  # Nurtured, measurability (to do)
        await pilot.press("space")
        assert app_on.document.plan.review["Nurtured"].measurability is OK
        await pilot.press("space")
        assert app_on.document.plan.review["Nurtured"].measurability is CONCERN
        await pilot.press("space")
        assert app_on.document.plan.review["Nurtured"].measurability is TODO
        await pilot.press("o", "right", "c", "right", "o")
        review = app_on.document.plan.review["Nurtured"]
        assert (review.measurability, review.simplicity, review.contingency) == (OK, CONCERN, OK)
        await pilot.press("t")
        assert app_on.document.plan.review["Nurtured"].contingency is TODO


async def test_enter_on_a_criterion_cycles_it(app_on):
    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        await pilot.press("down", "down", "down", "enter")  # Meetings, alignment
        assert app_on.document.plan.review["Meetings"].alignment is OK


async def test_summary_counts_follow(app_on):
    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        summary = app_on.screen.query_one("#summary")
        assert str(summary.render()) == "Review open: 6 of 16 checks ok · 2 concerns · 8 to do"
        await pilot.press("down", "down", "o")
        assert str(summary.render()) == "Review open: 7 of 16 checks ok · 1 concern · 8 to do"


async def test_an_agreed_contingency_without_a_written_plan_is_flagged(app_on):
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        await pilot.press("right", "right", "right", "o")  # Visits, contingency: ok, nothing written
        assert column_texts(table, "plan")[0] == "⚠ missing"
        assert "1 contingency plan(s) not written" in str(app_on.screen.query_one("#summary").render())
        await open_editor(pilot, "p")
        await pilot.press(*"Shift budget to search ads")
        await pilot.press("escape")
        assert column_texts(table, "plan")[0] == "written"
        assert app_on.document.plan.review["Visits"].contingency_plan == "Shift budget to search ads"


async def test_notes_are_typed_in_japanese_and_one_run_of_typing_is_one_undo(app_on):
    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        await pilot.press("down", "down", "down")  # Meetings: no notes yet
        await open_editor(pilot, "n")
        notes = app_on.screen.query_one("#notes", TextArea)
        assert app_on.focused is notes
        notes.insert("商談化率は")
        notes.insert("毎月確認")
        await pilot.pause()
        assert app_on.document.plan.review["Meetings"].notes == "商談化率は毎月確認"
        await pilot.press("escape", "ctrl+z")
        assert app_on.document.plan.review_of("Meetings").notes == ""
        assert notes.text == ""


async def test_filter_shows_only_open_kpis(app_on):
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        for key in ("right", "right", "right", "o", "p"):  # Visits: contingency ok ...
            await pilot.press(key)
        await pilot.pause()
        app_on.screen.query_one("#contingency-plan", TextArea).insert("Call the agency")
        await pilot.press("escape", "f")
        assert column_texts(table, "name") == ["Leads", "Nurtured", "Meetings"]
        await pilot.press("f")
        assert column_texts(table, "name") == ["Visits", "Leads", "Nurtured", "Meetings"]


async def test_undo_works_across_screens_and_rename_carries_the_review(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:  # room for the whole new name
        await go_to_review(pilot)
        await pilot.press("down", "down", "o")  # Nurtured alignment: ok
        await pilot.press("1")
        await open_editor(pilot, "down", "down", "enter")  # rename Nurtured
        await pilot.press(*"Qualified", "enter")
        table = await go_to_review(pilot)
        assert column_texts(table, "name")[2] == "Qualified"
        assert app_on.document.plan.review["Qualified"].alignment is OK
        await pilot.press("ctrl+z", "ctrl+z")
        assert column_texts(table, "name")[2] == "Nurtured"
        assert app_on.document.plan.review["Nurtured"].alignment is CONCERN


async def test_deleting_a_stage_and_undoing_brings_its_review_back(app_on):
    async with app_on.run_test() as pilot:
        await pilot.press("down", "d")  # delete Leads on the funnel screen
        table = await go_to_review(pilot)
        assert "Leads" not in column_texts(table, "name")
        await pilot.press("ctrl+z")
        assert column_texts(table, "name")[1] == "Leads"
        assert column_texts(table, "plan")[1] == "written"


async def test_review_edits_mark_the_plan_modified_and_save(app_on, plan_file):
    from kpitui.core.files.planfile import load_plan

    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        await pilot.press("down", "down", "down", "o")
        assert app_on.sub_title.endswith("● modified")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_plan(plan_file).review["Meetings"].alignment is OK


async def test_state_keys_on_the_name_column_explain(app_on):
    async with app_on.run_test(notifications=True) as pilot:
        seen = record_notifications(app_on)
        await go_to_review(pilot)
        await pilot.press("left", "left", "o")
        assert seen == ["Move to one of the four criteria (alignment … contingency) first."]


async def test_a_criterion_is_cycled_by_mouse(app_on):
    async with app_on.run_test(size=(120, 36)) as pilot:
        table = await go_to_review(pilot)
        # Meetings is the fourth KPI row under the header; alignment the third column.
        offset = (sum(column.get_render_width(table) for column in list(table.columns.values())[:2]) + 2, 5)
        await pilot.click(ReviewTable, offset=offset)
        await pilot.click(ReviewTable, offset=offset)
        assert app_on.document.plan.review["Meetings"].alignment is OK


async def test_typing_stays_on_its_kpi_when_the_filter_hides_its_row(app_on):
    """Writing Visits' plan completes its review: the open-only filter hides the row as it is typed,
    and the rest of the typing must still go to Visits, not to the KPI that takes the cursor."""
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        leads_plan = app_on.document.plan.review["Leads"].contingency_plan
        await pilot.press("right", "right", "right", "o", "f")  # Visits: contingency ok, nothing written
        assert column_texts(table, "name")[0] == "Visits"
        await open_editor(pilot, "p")
        await pilot.press(*"Paid search")
        await pilot.pause()
        assert column_texts(table, "name") == ["Leads", "Nurtured", "Meetings"]  # Visits is done
        assert app_on.document.plan.review["Visits"].contingency_plan == "Paid search"
        assert app_on.document.plan.review["Leads"].contingency_plan == leads_plan
        await pilot.press("escape")  # back on the table, the texts are the selected KPI's again
        await pilot.pause()
        assert app_on.screen.query_one("#contingency-plan", TextArea).text == leads_plan


async def test_ctrl_z_inside_a_notes_box_is_the_plans_undo(app_on):
    async with app_on.run_test() as pilot:
        await go_to_review(pilot)
        await pilot.press("space")  # an earlier edit, in the table
        await pilot.press("down", "down", "down")  # Meetings: no notes yet
        await open_editor(pilot, "n")
        notes = app_on.screen.query_one("#notes", TextArea)
        await pilot.press(*"Weekly")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app_on.focused is notes
        assert app_on.document.plan.review_of("Meetings").notes == "" and notes.text == ""
        assert app_on.document.history.can_redo  # undone in the plan's history, not the box's own
        await pilot.press("ctrl+z")  # the next step back is the table's edit
        assert app_on.document.plan.review == app_on.document.history.plan.review
        assert not app_on.document.history.can_undo
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert app_on.document.plan.review_of("Meetings").notes == "Weekly" and notes.text == "Weekly"


async def test_a_theme_switch_recolours_the_criteria(app_on):
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        app_on.theme = "nord"
        await pilot.pause()
        before = table.get_cell_at((0, 2)).style
        app_on.theme = "gruvbox"
        await pilot.pause()
        await pilot.pause()
        after = table.get_cell_at((0, 2)).style
        assert table.get_cell_at((0, 2)).plain == "✓ ok"
        assert after.color != before.color
        assert after.color.triplet == Color.parse(app_on.theme_variables["success"]).rich_color.triplet


async def test_the_table_follows_each_change_of_a_review_a_target_or_a_name_and_its_undo(app_on):
    """Rows are drawn again only when their review or target changed: every kind of change shows."""
    async with app_on.run_test() as pilot:
        table = await go_to_review(pilot)
        columns = [str(key.value) for key in table.columns]
        before = {column: column_texts(table, column) for column in columns}
        await pilot.press("space")  # the first KPI's alignment cycles
        cycled = column_texts(table, "alignment")[0]
        assert cycled != before["alignment"][0]
        assert column_texts(table, "alignment")[1:] == before["alignment"][1:]
        first = table.selected_stage
        app_on.apply_edit("rate", lambda plan: edits.set_rate(plan, 0, Decimal("0.5")))  # the targets under it change
        app_on.apply_edit("name", lambda plan: edits.rename_stage(plan, 0, "Renamed"))
        await pilot.pause()
        assert column_texts(table, "name")[0] == "Renamed" and column_texts(table, "alignment")[0] == cycled
        assert column_texts(table, "target") != before["target"]
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert {column: column_texts(table, column) for column in columns} == before
        assert table.selected_stage == first
