"""Start-up time of hsc commands against their floor, measured as whole processes.

Each command runs alternately with its floor (the interpreter importing what the command cannot
avoid: click, plus rich where a table is drawn), after a warm-up, so that both see the same
machine. Prints medians, min and max in milliseconds, the median of the run-by-run ratios to
the floor, and peak memory.

    .venv/bin/python benchmarks/startup.py [--runs 21]

Standard library only, so it measures the installed hsc and nothing of its own.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from typing import NamedTuple

BUDGET = 1.15
PLAIN_FLOOR = ("import click",)
TABLE_FLOOR = ("import click, rich.console, rich.table",)


# A normal install has bytecode caches; with PYTHONDONTWRITEBYTECODE set (as in some
# sandboxes) every run would recompile hsc, and only hsc. The warm-up writes the caches.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Case(NamedTuple):
    name: str
    argv: tuple[str, ...]
    floor: tuple[str, ...]
    env: Mapping[str, str] = {}


def hsc_command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "hsc")
    if os.path.exists(script):
        return [script]
    return [
        shutil.which("hsc") or sys.executable,
        *([] if shutil.which("hsc") else ["-m", "httpstat_cli"]),
    ]


CASES = (
    Case("hsc 418 (piped, plain)", ("418",), PLAIN_FLOOR),
    Case("hsc 418 --format json", ("418", "--format", "json"), PLAIN_FLOOR),
    Case(
        "completion: hsc 41<TAB> (bash)",
        (),
        PLAIN_FLOOR,
        {"_HSC_COMPLETE": "bash_complete", "COMP_WORDS": "hsc 41", "COMP_CWORD": "1"},
    ),
    Case("hsc 418 --format table", ("418", "--format", "table"), TABLE_FLOOR),
    Case(
        "hsc search timeout --format table", ("search", "timeout", "--format", "table"), TABLE_FLOOR
    ),
    Case("hsc list --format table", ("list", "--format", "table"), TABLE_FLOOR),
    Case("hsc explain 503 --format table", ("explain", "503", "--format", "table"), TABLE_FLOOR),
)


class Sample(NamedTuple):
    seconds: float  # wall clock
    cpu: float  # user + system time of the process: less disturbed by a busy machine
    max_rss_kib: int


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> Sample:
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**BASE_ENV, **env}
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {process.returncode}")
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def measure(
    case: Case, hsc: list[str], runs: int, warmup: int
) -> tuple[list[Sample], list[Sample]]:
    command = [*hsc, *case.argv]
    floor = [sys.executable, "-c", *case.floor]
    env = {"LANG": "C.UTF-8", "COLUMNS": "100", **case.env}
    for _ in range(warmup):
        run_once(command, env)
        run_once(floor, env)
    ours: list[Sample] = []
    base: list[Sample] = []
    for _ in range(runs):
        ours.append(run_once(command, env))
        base.append(run_once(floor, env))
    return ours, base


def ms(values: Sequence[float]) -> str:
    return f"{statistics.median(values) * 1000:6.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs per command (>= 15)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--pin", type=int, metavar="CPU", help="run everything on this processor (less noise)"
    )
    options = parser.parse_args()
    if options.pin is not None:
        os.sched_setaffinity(0, {options.pin})  # the commands inherit it
    runs = max(15, options.runs)
    hsc = hsc_command()
    print(f"python {sys.version.split()[0]}, {runs} runs each, alternating with the floor")
    columns = (
        ("median", 7),
        ("min", 6),
        ("max", 6),
        ("floor", 7),
        ("ratio", 6),
        ("cpu", 6),
        ("floor", 6),
        ("ratio", 6),
        ("peak MiB", 9),
    )
    header = f"{'command':38} " + " ".join(f"{name:>{width}}" for name, width in columns)
    print(f"{'':38} {'wall clock, ms':^36} {'cpu time, ms':^20}")
    print(header)
    print("-" * len(header))
    over = 0
    for case in CASES:
        ours, base = measure(case, hsc, runs, options.warmup)
        times = [s.seconds for s in ours]
        # Ratios are taken run by run (each run against the floor run beside it), then the
        # median: pairing keeps the ratio honest when the machine's speed drifts.
        ratio = statistics.median(a.seconds / b.seconds for a, b in zip(ours, base, strict=True))
        cpu = [s.cpu for s in ours]
        cpu_ratio = statistics.median(a.cpu / b.cpu for a, b in zip(ours, base, strict=True))
        over += ratio > BUDGET
        peak = max(s.max_rss_kib for s in ours) / 1024
        print(
            f"{case.name:38} {ms(times)} {min(times) * 1000:6.1f} {max(times) * 1000:6.1f}"
            f" {ms([s.seconds for s in base])} {ratio:6.2f}"
            f" {ms(cpu)[1:]} {ms([s.cpu for s in base])[1:]} {cpu_ratio:6.2f} {peak:9.1f}"
        )
    print(f"\nfloor of plain, json and completion: python -c '{PLAIN_FLOOR[0]}'")
    print(f"floor of tables: python -c '{TABLE_FLOOR[0]}'")
    print(f"budget: ratio <= {BUDGET}; {over} command(s) over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
