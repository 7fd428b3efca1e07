"""Start-up cost of hsc commands in milliseconds over their floor, and in instructions.

The floor is the interpreter importing what a command cannot avoid, with the collector off as
hsc runs: click for plain, JSON and completion; click and rich's console and table for tables.
Each command runs alternately with its floor (paired runs, after a warm-up, so both see the
same machine); its cost is the median of the run-by-run ratios, minus one, times the floor's
median. Where valgrind is installed, each command and floor also runs once under callgrind:
instruction counts hardly move on a busy machine, wall clocks do.

    .venv/bin/python benchmarks/startup.py [--runs 21] [--pin CPU] [--no-callgrind]

Standard library only, so it measures the installed hsc and nothing of its own.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from typing import NamedTuple

PLAIN_FLOOR = "import gc; gc.disable(); import click; gc.freeze()"
TABLE_FLOOR = "import gc; gc.disable(); import click, rich.console, rich.table; gc.freeze()"

# Budgets from DESIGN.md, in milliseconds over the floor; Persian in visual order (--bidi)
# may spend half as much again, as it shapes and reorders every line in Python.
QUICK, TABLE, EVERY_CODE = 20.0, 30.0, 60.0
BIDI = 1.5

# A normal install has bytecode caches; with PYTHONDONTWRITEBYTECODE set (as in some
# sandboxes) every run would recompile hsc, and only hsc. The warm-up writes the caches.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TABLE_FORMAT = ("--format", "table")
PERSIAN_BIDI = ("--lang", "fa", "--bidi", *TABLE_FORMAT)


class Case(NamedTuple):
    name: str
    argv: tuple[str, ...]
    floor: str
    budget_ms: float
    env: Mapping[str, str] = {}


COMPLETION_ENV = {"_HSC_COMPLETE": "bash_complete", "COMP_WORDS": "hsc 41", "COMP_CWORD": "1"}
CASES = (
    Case("hsc 418 (piped, plain)", ("418",), PLAIN_FLOOR, QUICK),
    Case("hsc 418 --format json", ("418", "--format", "json"), PLAIN_FLOOR, QUICK),
    Case("completion: hsc 41<TAB>", (), PLAIN_FLOOR, QUICK, COMPLETION_ENV),
    Case("hsc 418 (table)", ("418", *TABLE_FORMAT), TABLE_FLOOR, TABLE),
    Case("hsc search timeout (table)", ("search", "timeout", *TABLE_FORMAT), TABLE_FLOOR, TABLE),
    Case("hsc explain 503 (table)", ("explain", "503", *TABLE_FORMAT), TABLE_FLOOR, TABLE),
    Case("hsc list (table, every code)", ("list", *TABLE_FORMAT), TABLE_FLOOR, EVERY_CODE),
    Case("fa --bidi: hsc 418", ("418", *PERSIAN_BIDI), TABLE_FLOOR, TABLE * BIDI),
    Case("fa --bidi: hsc search", ("search", "مهلت", *PERSIAN_BIDI), TABLE_FLOOR, TABLE * BIDI),
    Case("fa --bidi: hsc explain", ("explain", "503", *PERSIAN_BIDI), TABLE_FLOOR, TABLE * BIDI),
    Case("fa --bidi: hsc list", ("list", *PERSIAN_BIDI), TABLE_FLOOR, EVERY_CODE * BIDI),
    Case(
        "fr: hsc search délai",
        ("search", "délai", "--lang", "fr", *TABLE_FORMAT),
        TABLE_FLOOR,
        TABLE,
    ),
    Case(
        "tr: hsc search zaman aşımı",
        ("search", "zaman aşımı", "--lang", "tr", *TABLE_FORMAT),
        TABLE_FLOOR,
        TABLE,
    ),
)


def hsc_command() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "hsc")
    if os.path.exists(script):
        return [script]
    found = shutil.which("hsc")
    return [found] if found else [sys.executable, "-m", "httpstat_cli"]


def environment(case: Case) -> dict[str, str]:
    return {**BASE_ENV, "LANG": "C.UTF-8", "COLUMNS": "100", **case.env}


def run_once(argv: Sequence[str], env: Mapping[str, str]) -> float:
    """Wall-clock seconds of one whole process, its output thrown away."""
    start = time.perf_counter()
    done = subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {done.returncode}")
    return elapsed


def paired_runs(case: Case, hsc: list[str], runs: int, warmup: int) -> tuple[list[float], float]:
    """The floor's run times, and the median of the command's run-by-run ratios to them."""
    command = [*hsc, *case.argv]
    floor = [sys.executable, "-c", case.floor]
    env = environment(case)
    for _ in range(warmup):
        run_once(command, env)
        run_once(floor, env)
    ratios, floors = [], []
    for _ in range(runs):
        ours = run_once(command, env)
        base = run_once(floor, env)
        ratios.append(ours / base)
        floors.append(base)
    return floors, statistics.median(ratios)


COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(argv: Sequence[str], env: Mapping[str, str]) -> int:
    """Instructions one whole process executes, counted by callgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "PYTHONHASHSEED": "0"},  # the same hashing, so the same work, every time
    )
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"callgrind failed on {' '.join(argv)}:\n{done.stderr[-500:]}")
    return int(found.group(1))


class Result(NamedTuple):
    case: Case
    floor_ms: float  # the median of this command's paired floor runs
    over_ms: float  # wall clock: median ratio minus one, times the floor's median
    instruction_ratio: float | None


def measure(cases: Sequence[Case], runs: int, warmup: int, count: bool) -> list[Result]:
    hsc = hsc_command()
    floor_counts: dict[str, int] = {}
    results = []
    for case in cases:
        print(f"measuring {case.name}", file=sys.stderr, flush=True)
        floors, ratio = paired_runs(case, hsc, runs, warmup)
        floor_ms = statistics.median(floors) * 1000
        instruction_ratio = None
        if count:
            env = environment(case)
            if case.floor not in floor_counts:
                floor_counts[case.floor] = instructions([sys.executable, "-c", case.floor], env)
            instruction_ratio = instructions([*hsc, *case.argv], env) / floor_counts[case.floor]
        results.append(Result(case, floor_ms, (ratio - 1) * floor_ms, instruction_ratio))
    return results


def report(results: Sequence[Result]) -> int:
    """Print one line a command; return how many are over their budget."""
    # Instructions are turned into milliseconds at the floor's typical speed: the median over
    # every run of that floor, steadier than one command's own floor runs.
    typical = {
        floor: statistics.median(r.floor_ms for r in results if r.case.floor == floor)
        for floor in {r.case.floor for r in results}
    }
    header = (
        f"{'command':30} {'floor ms':>8} {'+ms':>6} {'instr ratio':>11} {'+ms by instr':>12}"
        f" {'budget':>6} {'verdict: instr':>14} {'wall':>5}"
    )
    print(header)
    print("-" * len(header))
    over = 0
    for result in results:
        budget = result.case.budget_ms
        wall = "ok" if result.over_ms <= budget else "OVER"
        ratio = by_instructions = verdict = "-"
        if result.instruction_ratio is not None:
            spent = (result.instruction_ratio - 1) * typical[result.case.floor]
            ratio, by_instructions = f"{result.instruction_ratio:.3f}", f"{spent:.1f}"
            verdict = "ok" if spent <= budget else "OVER"
        over += "OVER" in (verdict if verdict != "-" else wall)
        print(
            f"{result.case.name:30} {result.floor_ms:8.1f} {result.over_ms:6.1f} {ratio:>11}"
            f" {by_instructions:>12} {budget:6.0f} {verdict:>14} {wall:>5}"
        )
    return over


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="paired runs per command (>= 9)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--pin", type=int, metavar="CPU", help="run everything on this processor")
    parser.add_argument("--no-callgrind", action="store_true", help="skip instruction counts")
    options = parser.parse_args()
    if options.pin is not None:
        os.sched_setaffinity(0, {options.pin})  # the commands inherit it
    count = not options.no_callgrind and shutil.which("valgrind") is not None
    runs = max(9, options.runs)
    results = measure(CASES, runs, options.warmup, count)
    print(f"python {sys.version.split()[0]}, {runs} paired runs each, COLUMNS=100")
    over = report(results)
    print(f"\nfloor of plain, JSON and completion: python -c '{PLAIN_FLOOR}'")
    print(f"floor of tables: python -c '{TABLE_FLOOR}'")
    print("+ms: the median of paired run-by-run ratios, minus one, times the floor's median")
    if count:
        print("+ms by instr: the instruction ratio minus one, times the floor's typical median")
        print("budgets are judged by instructions, which a busy machine hardly moves")
    else:
        print("budgets are judged by wall clock; install valgrind for instruction counts")
    print(f"budgets: {over} command(s) over")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
