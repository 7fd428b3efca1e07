"""Throughput of ``hsc tally`` against ``awk '{print $9}' LOG | sort | uniq -c``.

Generates a combined-format access log (seeded, so every run reads the same bytes), then runs
both commands one after the other, several times, as whole processes, and prints the median
wall time, the throughput, the ratio and the peak resident memory of each (of the largest
process: what ``/usr/bin/time -v`` reports). The pipeline runs with LC_ALL=C, its fastest.
Standard library only:

    .venv/bin/python benchmarks/tally.py --size 100 --runs 7
    .venv/bin/python benchmarks/tally.py --size 1024 --runs 3 --log /tmp/big.log
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CODES = [200] * 70 + [304] * 8 + [301] * 3 + [302] * 4 + [404] * 8 + [500] * 2 + [499, 503]
PATHS = ["/", "/index.html", "/api/v1/users/12345", "/static/app.js", "/search?q=a+b&page=2"]
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0",
    "curl/8.5.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
]
# Runs a command; prints its wall time, the processor time of all its processes, and the
# peak RSS of its largest process (KiB).
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, used.ru_utime + used.ru_stime, used.ru_maxrss)
"""


def generate(path: Path, megabytes: int) -> None:
    rng = random.Random(7)
    target = megabytes * 1024 * 1024
    written = 0
    with path.open("w", encoding="ascii") as out:
        while written < target:
            lines = [
                f"203.0.113.{rng.randrange(256)} - - [01/Dec/2026:08:{rng.randrange(60):02d}:"
                f'{rng.randrange(60):02d} +0000] "GET {rng.choice(PATHS)} HTTP/1.1" '
                f'{rng.choice(CODES)} {rng.randrange(100000)} "https://example.com/" '
                f'"{rng.choice(AGENTS)}"\n'
                for _ in range(10000)
            ]
            block = "".join(lines)
            out.write(block)
            written += len(block)


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, processor seconds and peak MiB of one run."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *argv], capture_output=True, text=True, env=env, check=True
    )
    wall, cpu, kib = done.stdout.split()
    return float(wall), float(cpu), int(kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100, help="log size in MiB (default 100)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--log", type=Path, help="where to write the log (default: a temp dir)")
    args = parser.parse_args()
    hsc = str(Path(sys.executable).parent / "hsc")
    with tempfile.TemporaryDirectory() as scratch:
        log = args.log or Path(scratch) / "access.log"
        if not log.exists() or log.stat().st_size < args.size * 1024 * 1024:
            generate(log, args.size)
        size = log.stat().st_size / 1e6
        env = {**os.environ, "LC_ALL": "C"}
        pipeline = ["sh", "-c", f"awk '{{print $9}}' '{log}' | sort | uniq -c"]
        ours = [hsc, "tally", str(log), "--format", "plain"]
        subprocess.run(ours, capture_output=True, check=True)  # warm the page cache
        times: dict[str, list[float]] = {"hsc": [], "pipeline": []}
        cpus: dict[str, list[float]] = {"hsc": [], "pipeline": []}
        peaks: dict[str, list[float]] = {"hsc": [], "pipeline": []}
        for _ in range(args.runs):
            for name, argv in (("hsc", ours), ("pipeline", pipeline)):
                seconds, cpu, peak = measure(argv, env)
                times[name].append(seconds)
                cpus[name].append(cpu)
                peaks[name].append(peak)
        ratios = [p / h for h, p in zip(times["hsc"], times["pipeline"], strict=True)]
        of_medians = statistics.median(times["pipeline"]) / statistics.median(times["hsc"])
        print(f"log: {size:.0f} MB, {args.runs} runs each, alternating; cpus: {os.cpu_count()}")
        print(f"{'command':<10}{'median s':>10}{'MB/s':>10}{'cpu s':>10}{'peak MiB':>10}")
        for name in ("hsc", "pipeline"):
            median = statistics.median(times[name])
            cpu = statistics.median(cpus[name])
            peak = max(peaks[name])
            print(f"{name:<10}{median:>10.3f}{size / median:>10.0f}{cpu:>10.3f}{peak:>10.1f}")
        print(
            f"ratio (pipeline / hsc time): median of run-by-run {statistics.median(ratios):.2f}"
            f", of the medians {of_medians:.2f}"
        )


if __name__ == "__main__":
    main()
