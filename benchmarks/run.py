"""Print kpitui's benchmark figures: medians, and ratios against a baseline run alongside.

    python -m benchmarks.run            # everything
    python -m benchmarks.run headless   # `kpitui calc` start-up, and a large plan

Targets (issue 2): `kpitui calc` within 1.6x a bare `import tomllib, rich.table`; load +
calculate + save of the largest plan (100 stages, 100 scenarios) under 200 ms. Issue 11: `kpitui
status` on a plan of 100 stages with 120 months of actuals within 1.6x the same bare import.
"""

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_plans" / "web-reference.toml"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(command: list[str]) -> tuple[float, float]:
    """Seconds of wall-clock time and of CPU time (user + system) the command takes."""
    start, cpu = time.perf_counter(), child_cpu()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL, cwd=ROOT)
    if finished.returncode not in (0, 1):  # `status` answers 1 when a stage is behind
        raise subprocess.CalledProcessError(finished.returncode, command)
    return time.perf_counter() - start, child_cpu() - cpu


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, list[tuple[float, float]]]:
    """Run the commands in turn, `repeat` rounds, so machine noise hits them alike: (wall, CPU) seconds."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            samples[name].append(time_command(command))
    return samples


def report_ratios(samples: dict[str, list[tuple[float, float]]], labels: dict[str, str], target: str) -> None:
    """Each command's median wall-clock and CPU time (which other work on a shared machine
    disturbs less), and both as ratios of the baseline's, the first command."""
    base, *others = samples
    bare_wall, bare_cpu = (median_ms([sample[part] for sample in samples[base]]) for part in (0, 1))
    print(f"  {labels[base]:<52} {bare_wall:8.1f} ms  (CPU {bare_cpu:.1f} ms)")
    for name in others:
        wall, cpu = (median_ms([sample[part] for sample in samples[name]]) for part in (0, 1))
        print(
            f"  {labels[name]:<52} {wall:8.1f} ms  {wall / bare_wall:.2f}x bare; CPU {cpu:.1f} ms, {cpu / bare_cpu:.2f}x"
            f" ({target})"
        )


def report(label: str, value_ms: float, target: str = "") -> None:
    print(f"  {label:<52} {value_ms:8.1f} ms  {target}")


def bench_headless_startup(repeat: int) -> None:
    # Time what users run: an installed package has its bytecode compiled, even where
    # PYTHONDONTWRITEBYTECODE would stop Python from caching it on first import.
    compileall.compile_dir(ROOT / "kpitui", quiet=1)
    from benchmarks.large_plan import followed_plan
    from kpitui.core.files.planfile import save_plan

    print(f"Headless start-up (median of {repeat}, interleaved)")
    with tempfile.TemporaryDirectory() as folder:
        followed = Path(folder) / "followed.toml"
        save_plan(followed_plan(), followed)
        status = [sys.executable, "-m", "kpitui", "status", str(followed)]
        samples = interleaved(
            {
                "bare": [sys.executable, "-c", "import tomllib, rich.table"],
                "calc table": [sys.executable, "-m", "kpitui", "calc", str(SAMPLE)],
                "calc json": [sys.executable, "-m", "kpitui", "calc", str(SAMPLE), "--format", "json"],
                "calc --lang ja": [sys.executable, "-m", "kpitui", "calc", str(SAMPLE), "--lang", "ja"],
                "status table, sample": [sys.executable, "-m", "kpitui", "status", str(SAMPLE)],
                "status --lang ja, sample": [sys.executable, "-m", "kpitui", "status", str(SAMPLE), "--lang", "ja"],
                "status table, 100 stages x 120 months": status,
                "status json, 100 stages x 120 months": [*status, "--format", "json"],
                "status --lang ja, 100 stages x 120 months": [*status, "--lang", "ja"],
            },
            repeat,
        )
    labels = {name: f"kpitui {name}" for name in samples} | {"bare": "python -c 'import tomllib, rich.table'"}
    report_ratios(samples, labels, "target <= 1.6x")


def time_call(function: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def bench_large_plan(repeat: int) -> None:
    from benchmarks.large_plan import large_plan
    from kpitui.core.domain.funnel import calculate
    from kpitui.core.files.planfile import load_plan, save_plan

    plan = large_plan()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.toml"
        save_plan(plan, path)
        size_kb = path.stat().st_size / 1024
        print(f"Large plan: {len(plan.stages)} stages, {len(plan.scenarios)} scenarios, {size_kb:.0f} kB (median of {repeat})")

        def calculate_all() -> None:
            calculate(plan)
            for scenario in plan.scenarios:
                calculate(plan.with_scenario_applied(scenario))

        def whole() -> None:
            loaded = load_plan(path)
            calculate(loaded)
            save_plan(loaded, path)

        report("load", time_call(lambda: load_plan(path), repeat))
        report("calculate the baseline", time_call(lambda: calculate(plan), repeat))
        report("calculate the baseline and every scenario", time_call(calculate_all, repeat))
        report("save", time_call(lambda: save_plan(plan, path), repeat))
        report("load + calculate + save", time_call(whole, repeat), "(target < 200 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("suite", nargs="?", default="all", choices=("all", "headless", "app"))
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if args.suite in ("all", "headless"):
        bench_headless_startup(args.repeat)
        bench_large_plan(args.repeat)
    if args.suite in ("all", "app"):
        from benchmarks.app_bench import bench_app

        bench_app(args.repeat)


if __name__ == "__main__":
    main()
