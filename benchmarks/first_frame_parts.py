"""Where the first frame goes, part by part, kpitui beside the bare app: `python -m benchmarks.first_frame_parts RUNS`.

Each run is a fresh process (imports are part of the cost) that times, in CPU milliseconds, the
imports, every parse of the CSS (all sources, app.tcss and every widget's DEFAULT_CSS, each
time Textual parses them again), each widget's compose (its children made and mounted, CSS
applied included) and each widget's rendering, up to the first frame. Medians over the runs.
"""

import collections
import json
import statistics
import subprocess
import sys
import time


def one_run(which: str) -> dict[str, float]:
    """The parts of one first frame of `which` (kpitui, or the bare app), in CPU seconds."""
    clock = time.process_time
    parts: collections.Counter[str] = collections.Counter()
    started = clock()
    import textual.app  # noqa: F401 - timed: the bare app pays this too
    import textual.widgets  # noqa: F401

    parts["import Textual"] = clock() - started
    started = clock()
    if which == "kpitui":
        from kpitui.app.factory import make_app

        parts["import kpitui (app, screens, widgets, core)"] = clock() - started
    else:
        from benchmarks.first_frame import bare_app
    from textual.css.stylesheet import Stylesheet
    from textual.widget import Widget

    parse, render, compose = Stylesheet.parse, Widget.render_lines, Widget._compose

    def timed_parse(self) -> None:
        begun = clock()
        parse(self)
        parts["CSS parsed (every source, each time)"] += clock() - begun
        parts["CSS parses (count)"] += 1

    def timed_render(self, crop):
        begun = clock()
        lines = render(self, crop)
        parts[f"render {type(self).__name__}"] += clock() - begun
        return lines

    async def timed_compose(self) -> None:
        begun = clock()
        await compose(self)
        parts[f"compose and mount {type(self).__name__}"] += clock() - begun

    Stylesheet.parse, Widget.render_lines, Widget._compose = timed_parse, timed_render, timed_compose
    started = clock()
    app = make_app(None) if which == "kpitui" else bare_app()

    async def leave(pilot) -> None:
        parts["run to the first frame"] = clock() - started
        pilot.app.exit()

    app.run(headless=True, auto_pilot=leave)
    return dict(parts)


def main() -> None:
    if sys.argv[1] in ("bare", "kpitui"):
        print(json.dumps(one_run(sys.argv[1])))
        return
    runs = int(sys.argv[1])
    samples: dict[str, list[dict[str, float]]] = {"bare": [], "kpitui": []}
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        for which, taken in samples.items():
            command = [sys.executable, "-m", "benchmarks.first_frame_parts", which]
            taken.append(json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout))

    def median(which: str, name: str) -> float:
        return statistics.median(sample.get(name, 0) for sample in samples[which])

    names = sorted({name for sample in samples["kpitui"] for name in sample}, key=lambda name: -median("kpitui", name))
    print(f"First frame, part by part (CPU, median of {runs} runs; a compose includes its children's)")
    print(f"  {'part':<52} {'bare':>8}    {'kpitui':>8}")
    for name in names:
        if "count" in name:
            print(f"  {name:<52} {median('bare', name):8.0f}    {median('kpitui', name):8.0f}")
        else:
            print(f"  {name:<52} {median('bare', name) * 1000:8.1f} ms {median('kpitui', name) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
