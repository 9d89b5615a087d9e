"""App figures: time to the first frame against a bare Textual app, and edit-to-repaint latency."""

import asyncio
import statistics
import sys
import time
from decimal import Decimal

from benchmarks.large_plan import followed_plan, large_plan


def bench_first_frame(repeat: int) -> None:
    from benchmarks.run import interleaved, report_ratios

    print(f"Time to first frame, headless (median of {repeat}, interleaved)")
    samples = interleaved({name: [sys.executable, "-m", "benchmarks.first_frame", name] for name in ("bare", "kpitui")}, repeat)
    labels = {"bare": "bare Textual app with a DataTable", "kpitui": "kpitui on the built-in example"}
    report_ratios(samples, labels, "target <= 1.3x")


def rate_edit(index: int):
    """Edit `index`: the first stage's rate, 20 % and 10 % in turn."""
    from kpitui.core.domain import edits as plan_edits

    rate = Decimal("0.1") if index % 2 else Decimal("0.2")
    return lambda p: plan_edits.set_rate(p, 0, rate)


def actual_edit(index: int):
    """Edit `index`: an actual count typed into the grid, the middle stage in the last month."""
    from kpitui.core.domain.actuals import set_actual

    def change(plan):
        return set_actual(plan, plan.calendar_months()[-1], plan.stages[len(plan.stages) // 2].name, 500 + index % 2)

    return change


async def edit_latency(plan, edits: int, mode: str = "funnel", edit=rate_edit) -> list[float]:
    """Seconds from an edit (`edit(index)` makes it) until `mode`'s screen has repainted, per edit."""
    from kpitui.app.app import KpiApp
    from kpitui.core.session.document import PlanDocument

    app = KpiApp(PlanDocument(plan, None))
    samples = []
    async with app.run_test(size=(120, 36)) as pilot:
        await app.switch_mode(mode)
        await pilot.pause()
        for index in range(edits):
            change = edit(index)
            start = time.perf_counter()
            app.apply_edit("bench", change)
            # pause(0): every widget has handled its messages, then the screen repaints. (A plain
            # pause() would add Pilot's own ~20 ms wait for the CPU to go idle.)
            await pilot.pause(0)
            samples.append(time.perf_counter() - start)
            await pilot.pause()
    return samples


def bench_edit_latency(repeat: int) -> None:
    from kpitui.core.domain.example import reference_plan

    print(f"Edit-to-repaint latency, Pilot at 120x36 (median of {max(repeat, 20)} edits)")
    for label, plan, mode, edit, target in (
        ("Funnel, sample plan (5 stages)", reference_plan(), "funnel", rate_edit, "target < 16 ms"),
        ("Funnel, 100-stage plan", large_plan(scenarios=0), "funnel", rate_edit, "target < 50 ms"),
        ("What-if, 30 scenarios x 30 stages", large_plan(stages=30, scenarios=30), "whatif", rate_edit, "target < 50 ms"),
        ("Progress, an actual typed, 20 stages x 36 months", followed_plan(20, 36), "progress", actual_edit, "target < 50 ms"),
    ):
        samples = asyncio.run(edit_latency(plan, max(repeat, 20), mode, edit))
        print(f"  {label:<52} {statistics.median(samples) * 1000:8.1f} ms  ({target})")


async def key_latency(plan, mode: str, keys: list[str], *, levers: bool = False) -> list[float]:
    """Seconds from each key press until `mode`'s screen has handled it and repainted."""
    from kpitui.app.app import KpiApp
    from kpitui.core.session.document import PlanDocument

    app = KpiApp(PlanDocument(plan, None))
    samples = []
    async with app.run_test(size=(120, 36)) as pilot:
        await app.switch_mode(mode)
        await pilot.pause()
        if levers:
            app.screen.show_levers_panel = True
            await pilot.pause()
        for key in keys:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause(0)
            samples.append(time.perf_counter() - start)
            await pilot.pause()
    return samples


def bench_largest_plan(repeat: int) -> None:
    """Key-to-repaint on the largest plan the loader accepts, every screen, less Pilot's own round trip."""
    from kpitui.core.domain.example import reference_plan
    from kpitui.core.domain.plan import MAX_SCENARIOS, MAX_STAGES
    from kpitui.core.domain.quantities import MAX_MONTHS

    count = max(repeat, 10)
    moves = ["down", "up"] * (count // 2)
    months = ["left_square_bracket", "right_square_bracket"] * (count // 2)
    plan = followed_plan(MAX_STAGES, MAX_MONTHS, MAX_SCENARIOS)
    print(
        f"Key-to-repaint on the largest plan: {MAX_STAGES} stages, {MAX_SCENARIOS} scenarios, {MAX_MONTHS} months of"
        f" actuals; Pilot at 120x36, median of {count} (target: < 100 ms beyond Pilot's round trip)"
    )
    bare = statistics.median(asyncio.run(key_latency(reference_plan(), "funnel", moves))) * 1000
    print(f"  {'Pilot round trip: Funnel, down, on the 5-stage sample':<56} {bare:8.1f} ms")
    for label, mode, keys, edit in (
        ("Funnel, down", "funnel", moves, None),
        ("Funnel, an edit of the first rate", "funnel", None, rate_edit),
        ("Review, down", "review", moves, None),
        ("Review, space (cycle a criterion)", "review", ["space"] * count, None),
        ("What-if, down", "whatif", moves, None),
        ("What-if, right/left (levers of another column)", "whatif", ["right", "left"] * (count // 2), None),
        ("What-if, an edit of the first rate", "whatif", None, rate_edit),
        ("Progress, down", "progress", moves, None),
        ("Progress, [ / ] (another as-of month)", "progress", months, None),
        ("Progress, an actual typed", "progress", None, actual_edit),
        ("Screens 3 / 1 (What-if, Funnel)", "funnel", ["3", "1"] * (count // 2), None),
        ("Screens 4 / 2 (Progress, Review)", "review", ["4", "2"] * (count // 2), None),
    ):
        if edit is not None:  # measured as the edit its editor's Enter applies: no Pilot round trip
            median = statistics.median(asyncio.run(edit_latency(plan, count, mode, edit))) * 1000
            print(f"  {label:<56} {median:8.1f} ms")
        else:
            median = statistics.median(asyncio.run(key_latency(plan, mode, keys, levers=mode == "whatif"))) * 1000
            print(f"  {label:<56} {median:8.1f} ms  ({median - bare:+.1f} ms beyond the round trip)")


def bench_app(repeat: int) -> None:
    bench_first_frame(repeat)
    bench_edit_latency(repeat)
    bench_largest_plan(repeat)
