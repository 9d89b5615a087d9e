"""Start-up of the headless commands in instructions run, beside the bare import (valgrind's callgrind).

    python -m benchmarks.instructions

On a shared machine, wall-clock ratios move with its load by more than a change being looked
for; the instructions a process runs are the same from run to run, so one run of each tells.
Needs `valgrind` on the PATH; each command takes a few seconds under it.
"""

import compileall
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.run import ROOT, SAMPLE


def instructions(command: list[str]) -> int:
    """The instructions `command` runs, from start to exit."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            check=False,  # `status` answers 1 when a stage is behind
        )
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"callgrind counted nothing for {command}")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    compileall.compile_dir(ROOT / "kpitui", quiet=1)  # as installed: bytecode already compiled
    kpitui = [sys.executable, "-m", "kpitui"]
    commands = {
        "python -c 'import tomllib, rich.table'": [sys.executable, "-c", "import tomllib, rich.table"],
        "kpitui calc": [*kpitui, "calc", str(SAMPLE)],
        "kpitui calc --format json": [*kpitui, "calc", str(SAMPLE), "--format", "json"],
        "kpitui check": [*kpitui, "check", str(SAMPLE)],
        "kpitui compare": [*kpitui, "compare", str(SAMPLE)],
        "kpitui status": [*kpitui, "status", str(SAMPLE)],
    }
    print("Start-up in instructions (sample plan; target for calc: <= 1.6x the bare import)")
    bare = None
    for label, command in commands.items():
        count = instructions(command)
        bare = bare or count
        print(f"  {label:<42} {count / 1e6:7.1f} M  {count / bare:.2f}x")


if __name__ == "__main__":
    main()
