"""The Review screen: every KPI checked against the four criteria before the team adopts it."""

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import DataTable, Header, Label, Static, TextArea

from kpitui.app.commands import key_display
from kpitui.app.screens.plan_screen import PlanScreen
from kpitui.app.widgets.cells import row_keys
from kpitui.app.widgets.key_footer import KeyFooter
from kpitui.app.widgets.plan_text import PlanTextArea
from kpitui.app.widgets.prose import Prose
from kpitui.app.widgets.review_table import ReviewTable
from kpitui.app.widgets.screen_tabs import ScreenTabs
from kpitui.core.domain import edits, funnel
from kpitui.core.domain.plan import CriterionState, Plan
from kpitui.core.domain.review import criterion_question, next_state, review_status
from kpitui.core.text.i18n import N_, _, tr
from kpitui.core.text.vocabulary import criterion_name, state_label

TEXT_FIELDS = {"notes": "#notes", "contingency_plan": "#contingency-plan"}


class ReviewScreen(PlanScreen):
    """Summary on top, the review table, and the selected KPI's notes and contingency plan below."""

    ENTER_HELP = N_("On a criterion, cycle it: to do, ok, concern; on the name or the plan, write the KPI's texts.")
    FIGURES_HELP = N_(
        'A KPI is reviewed when all four criteria are ok. "⚠ missing" marks a KPI whose contingency '
        "is ok but whose contingency plan is not written down. The summary counts the KPIs done."
    )
    AUTO_FOCUS = "#review"
    BINDINGS = [
        Binding(
            "space",
            "cycle",
            N_("Cycle"),
            id="review.cycle",
            tooltip=N_("Cycle the criterion under the cursor: to do → ok → concern → to do."),
        ),
        Binding(
            "o", "set_state('ok')", N_("Ok"), show=False, id="review.ok", tooltip=N_("Mark the criterion under the cursor ok.")
        ),
        Binding(
            "c",
            "set_state('concern')",
            N_("Concern"),
            show=False,
            id="review.concern",
            tooltip=N_("Mark the criterion under the cursor as a concern."),
        ),
        Binding(
            "t",
            "set_state('todo')",
            N_("To do"),
            show=False,
            id="review.todo",
            tooltip=N_("Mark the criterion under the cursor to do."),
        ),
        Binding(
            "f",
            "toggle_filter",
            N_("Open only"),
            id="review.filter",
            tooltip=N_("Show only the KPIs still needing attention, or all of them."),
        ),
        Binding("n", "edit_text('notes')", N_("Notes"), id="review.notes", tooltip=N_("Write the selected KPI's notes.")),
        Binding(
            "p",
            "edit_text('contingency_plan')",
            N_("Plan"),
            show=False,
            id="review.plan",
            tooltip=N_("Write the selected KPI's contingency plan: what the team does when it is missed."),
        ),
        Binding(
            "escape",
            "back_to_table",
            N_("Back to table"),
            show=False,
            id="review.back",
            tooltip=N_("Leave the text area for the table."),
        ),
    ]

    open_only: var[bool] = var(False)
    """Show only KPIs that still need attention."""

    def __init__(self) -> None:
        super().__init__()
        self.typing_run = 0  # a new run of typing each time a text area gets the focus
        # The KPI whose notes and plan the text areas hold: what typing changes, wherever the
        # cursor goes meanwhile (the filter may hide the row being written about).
        self.texts_of: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs("review")
        yield Static(id="summary", markup=False)
        yield ReviewTable(id="review")
        yield Prose(id="question")
        with Horizontal(id="texts"):
            with Vertical():
                yield Label(_("Notes (n)"), classes="text-title", markup=False)
                yield PlanTextArea(id="notes", soft_wrap=True, show_line_numbers=False)
            with Vertical():
                yield Label(_("Contingency plan (p)"), classes="text-title", markup=False)
                yield PlanTextArea(id="contingency-plan", soft_wrap=True, show_line_numbers=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # PlanScreen.on_mount runs too (Textual calls the handler of every class): it watches the plan.
        self.table.move_cursor(column=2)  # the first criterion: where reviewing starts
        # The keys are read from the bindings, so a keymap never makes the hint wrong.
        keys = {state: key_display(self, f"review.{state}") for state in ("cycle", "ok", "concern", "todo")}
        self.table.border_subtitle = tr(
            "{cycle} cycles · {ok} ok · {concern} concern · {todo} to do",
            cycle=keys["cycle"],
            ok=keys["ok"],
            concern=keys["concern"],
            todo=keys["todo"],
        )

    @property
    def table(self) -> ReviewTable:
        return self.query_one(ReviewTable)

    def watch_open_only(self) -> None:
        """Redraw with or without the KPIs that are done."""
        if self.is_mounted:
            self.show_plan(self.plan)

    def show_plan(self, plan: Plan) -> None:
        """Show the review of `plan`: summary, table, and the selected KPI's texts."""
        status = review_status(plan)
        if status.settled:
            summary = tr("Review complete. {summary}", summary=status.told())
        else:
            summary = tr("Review open: {summary}", summary=status.told())
        if self.open_only:
            summary += _(" · showing open KPIs only (f shows all)")
        self.query_one("#summary", Static).update(summary)
        self.table.show(plan, funnel.calculate(plan), open_only=self.open_only)
        self.show_selected()

    def show_selected(self) -> None:
        """Load the selected KPI's notes and plan into the text areas, and the criterion's question.

        While a text area is being written in, it stays on the KPI it was opened on.
        """
        stage = self.table.selected_stage
        writing = isinstance(self.focused, TextArea) and self.texts_of in self.plan.stage_names()
        if not writing:
            self.texts_of = stage
        review = self.plan.review_of(self.texts_of) if self.texts_of else None
        for field, selector in TEXT_FIELDS.items():
            area = self.query_one(selector, PlanTextArea)
            area.disabled = self.texts_of is None
            area.show_text(getattr(review, field) if review else "")
        criterion = self.table.selected_criterion
        if criterion is None:
            question = _("Move to a criterion to see its question.")
        else:
            question = tr("{criterion}: {question}", criterion=criterion_name(criterion), question=criterion_question(criterion))
        self.query_one("#question", Prose).update(
            tr("{stage} — {question}", stage=stage, question=question) if stage else question
        )

    @on(DataTable.CellHighlighted, "#review")
    def highlighted(self) -> None:
        self.show_selected()

    @on(ReviewTable.CycleRequested)
    def cycle_requested(self, event: ReviewTable.CycleRequested) -> None:
        """Enter or a click on a criterion cycles it."""
        self.set_criterion(event.stage, event.criterion, next_state)

    @on(ReviewTable.WriteRequested)
    def write_requested(self, event: ReviewTable.WriteRequested) -> None:
        """Enter or a click on the name or the plan opens the KPI's texts."""
        self.action_edit_text(event.field)

    def set_selected_criterion(self, state_of: Callable[[CriterionState], CriterionState]) -> None:
        stage, criterion = self.table.selected_stage, self.table.selected_criterion
        if stage is None:
            return
        if criterion is None:
            self.notify(_("Move to one of the four criteria (alignment … contingency) first."), timeout=3)
            return
        self.set_criterion(stage, criterion, state_of)

    def set_criterion(self, stage: str, criterion: str, state_of: Callable[[CriterionState], CriterionState]) -> None:
        """Set `criterion` of KPI `stage` to `state_of` its state now, as one undo step."""
        if stage not in self.plan.stage_names():
            return  # gone between the key and now (an undo, say)
        state = state_of(self.plan.review_of(stage).state(criterion))
        label = tr(
            "{criterion} of {stage}: {state}",
            criterion=criterion_name(criterion),
            stage=stage,
            state=state_label(state.value),
        )
        self.app.apply_edit(label, lambda p: edits.set_criterion(p, stage, criterion, state))

    def action_cycle(self) -> None:
        """Cycle the criterion under the cursor: to do → ok → concern → to do."""
        self.set_selected_criterion(next_state)

    def action_set_state(self, state: str) -> None:
        """Set the criterion under the cursor to ok, concern or to do."""
        self.set_selected_criterion(lambda _: CriterionState(state))

    def action_toggle_filter(self) -> None:
        """Show only the KPIs still needing attention, or all of them."""
        self.open_only = not self.open_only

    def action_edit_text(self, field: str) -> None:
        """Write the selected KPI's notes (n) or its contingency plan (p); Escape goes back."""
        if self.table.selected_stage is not None:
            area = self.query_one(TEXT_FIELDS[field], TextArea)
            self.app.hold_keys(until_focus=True)  # what is typed right after n or p is written there
            area.focus()
            area.move_cursor(area.document.end)  # go on writing, not in front of what is there

    def select_kpi(self, stage: str) -> None:
        """Put the cursor on `stage`'s contingency criterion (showing every KPI if the filter hid it)."""
        if stage not in row_keys(self.table):
            self.open_only = False
        self.table.move_cursor(row=row_keys(self.table).index(stage), column=self.table.get_column_index("contingency"))
        self.table.focus()

    def action_back_to_table(self) -> None:
        """Leave the text area for the table."""
        self.set_focus(self.table)  # now: keys sent with Escape move in the table

    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        """Every change is kept in the plan at once; one run of typing is one undo step."""
        stage, area = self.texts_of, event.text_area
        if stage is None or not isinstance(area, PlanTextArea) or not area.has_focus:
            return  # text loaded from the plan, not typed
        field = "notes" if area.id == "notes" else "contingency_plan"
        text = area.plan_text
        if text == getattr(self.plan.review_of(stage), field):
            return  # the plan's own text shown again (after an undo, say): nothing typed
        self.app.apply_edit(
            tr("notes of {stage}", stage=stage) if field == "notes" else tr("contingency plan of {stage}", stage=stage),
            lambda p: edits.set_review_text(p, stage, field, text),
            run=(self.typing_run, stage, field),
        )

    def on_descendant_focus(self, event) -> None:
        """A text area taking the focus starts a new run of typing (a new undo step)."""
        if isinstance(event.widget, TextArea):
            self.typing_run += 1
            self.app.release_keys()

    def on_descendant_blur(self, event) -> None:
        """Done writing (Escape, Tab, a click elsewhere): the texts follow the cursor again."""
        if isinstance(event.widget, TextArea):
            self.show_selected()
