"""The map's CPU in each round of the peer benchmark, every process of it counted.

The peer benchmark (`../shared/peer/run.sh`) reads the CPU of the one process it starts.
With more than one worker that process is their supervisor, and the workers' CPU is not in
it. Served through this script (the benchmark's PROJECT_CMD), the map is started as a child
and the CPU seconds of it and all its descendants are written every 0.1 s to a samples
file. `attribute` then finds each of the map's rounds in the samples (the last stretches
where the map works; the peer's rounds leave it idle), splits a stretch holding two rounds in a
row by their lengths, and gives each round its CPU and CPU per request.

From the project's root (run.sh starts PROJECT_CMD in its own working folder, hence the
absolute paths):

    PROJECT_CMD="$PWD/.venv/bin/python $PWD/bench/tree_cpu.py serve $PWD/.artifacts/cpu.tsv \
      --port 8003" NEO4J_PASSWORD=... ../shared/peer/run.sh
    .venv/bin/python bench/tree_cpu.py attribute .artifacts/cpu.tsv .artifacts/peer/results/bench-*.jsonl
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TICK = os.sysconf("SC_CLK_TCK")
EVERY_S = 0.1
# A rate of CPU (in cores) above which the map is taken to be answering a round.
BUSY = 0.15


def tree_cpu(root: int) -> float:
    """CPU seconds (user and system) of `root` and every process under it, found through
    each task's list of children (cheaper than reading every process on the machine)."""
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue  # a process that ended between two reads
    return total


def serve(samples: Path, serve_args: list[str]) -> int:
    """Starts `a87map serve` with `serve_args` and samples its tree's CPU until it ends."""
    a87map = Path(sys.executable).with_name("a87map")
    child = subprocess.Popen([str(a87map), "serve", *serve_args])
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    with samples.open("w") as out:
        while child.poll() is None:
            out.write(f"{time.time():.3f}\t{tree_cpu(child.pid):.2f}\n")
            out.flush()
            time.sleep(EVERY_S)
    return child.wait()


def _stretches(samples: list[tuple[float, float]], shortest_s: float) -> list[tuple[int, int]]:
    """The index ranges of the samples where the map is busy for `shortest_s` or more."""
    found, start = [], None
    for i in range(1, len(samples)):
        (t0, c0), (t1, c1) = samples[i - 1], samples[i]
        busy = (c1 - c0) / max(t1 - t0, 1e-6) > BUSY
        if busy and start is None:
            start = i - 1
        elif not busy and start is not None:
            found.append((start, i - 1))
            start = None
    if start is not None:
        found.append((start, len(samples) - 1))
    # Brief pauses (a garbage collection) do not end a round.
    merged: list[tuple[int, int]] = []
    for begin, end in found:
        if merged and samples[begin][0] - samples[merged[-1][1]][0] < 0.5:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    return [(b, e) for b, e in merged if samples[e][0] - samples[b][0] >= shortest_s]


def _cpu_between(samples: list[tuple[float, float]], start: float, end: float) -> float:
    def at(moment: float) -> float:
        return min(samples, key=lambda s: abs(s[0] - moment))[1]

    return at(end) - at(start)


def _monotonic(samples: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The samples as CPU spent so far: a worker that exits (at the end, when the map is
    stopped) takes its CPU out of the tree's total, which must not count as CPU given back."""
    spent, out = 0.0, []
    for i, (moment, total) in enumerate(samples):
        if i:
            spent += max(0.0, total - samples[i - 1][1])
        out.append((moment, spent))
    return out


def attribute(samples_file: Path, results: list[Path]) -> list[dict[str, Any]]:
    samples = _monotonic(
        [
            (float(t), float(c))
            for t, c in (line.split("\t") for line in samples_file.read_text().splitlines())
        ]
    )
    rows: list[dict[str, Any]] = [
        json.loads(line) for f in results for line in f.read_text().splitlines()
    ]
    groups: list[list[dict[str, Any]]] = []
    previous = None
    for row in rows:
        if row["system"] == "project":
            if previous != "project":
                groups.append([])
            groups[-1].append(row)
        previous = row["system"]
    shortest = 0.6 * min(float(r["wall_s"]) for g in groups for r in g)
    # The rounds come last: before them the map starts, answers the check and is warmed
    # up, which are busy stretches too.
    stretches = _stretches(samples, shortest)[-len(groups) :]
    if len(stretches) != len(groups):
        raise SystemExit(
            f"found {len(stretches)} busy stretches for {len(groups)} runs of the map's rounds"
        )
    out = []
    for group, (begin, end) in zip(groups, stretches, strict=True):
        start, finish = samples[begin][0], samples[end][0]
        walls = [float(r["wall_s"]) for r in group]
        scale = (finish - start) / sum(walls)
        for row, wall in zip(group, walls, strict=True):
            cpu = _cpu_between(samples, start, start + wall * scale)
            start += wall * scale
            out.append(
                {
                    "round": row["round"],
                    "query": row["query"],
                    "connections": row["connections"],
                    "requests": row["requests"],
                    "map_cpu_s": round(cpu, 2),
                    "map_cpu_ms_per_request": round(1000 * cpu / max(int(row["requests"]), 1), 2),
                }
            )
    return out


def main() -> None:
    command, target, *rest = sys.argv[1:]
    if command == "serve":
        sys.exit(serve(Path(target), rest))
    for row in attribute(Path(target), [Path(r) for r in rest]):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
