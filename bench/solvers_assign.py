"""Benchmark forum assignment as a whole process: `python -m vernetzt.solvers assign`.

Run: PYTHONPATH=src python bench/solvers_assign.py [--national]
Cases: a real meeting (300 people), 10,000 people x 200 forums x 4 slots with 5 ranked choices
per slot, and with --national 100,000 people. Each run is a fresh process (imports, JSON in
and out included); wall time, CPU time and peak memory of that process are recorded. Shared
machines: the CPU time is the steadier figure, and the load average is written beside it.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vernetzt.solvers.examples import meeting_instance

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "solvers_assign.json"

CASES = {
    "meeting_300": {
        "participants": 300,
        "slots": 3,
        "forums_per_slot": (4, 6),
        "organisations": 100,
    },
    "large_10000": {
        "participants": 10_000,
        "slots": 4,
        "forums_per_slot": (50, 50),
        "organisations": 3_300,
        "choices_per_slot": 5,
    },
    "national_100000": {
        "participants": 100_000,
        "slots": 4,
        "forums_per_slot": (50, 50),
        "organisations": 33_000,
        "choices_per_slot": 5,
    },
}


def whole_process(path: Path) -> dict:
    """One solver process on the instance file: wall, CPU (user + system), peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with path.open() as stdin:
        completed = subprocess.run(
            [sys.executable, "-m", "vernetzt.solvers", "assign"],
            stdin=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            check=True,
        )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_mb": after.ru_maxrss / 1024,
        "result": json.loads(completed.stdout),
    }


def main():
    national = "--national" in sys.argv
    report = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_at_start": round(os.getloadavg()[0], 2),
    }
    for name, parameters in CASES.items():
        if name.startswith("national") != national:
            continue  # --national runs only the national case (it takes minutes)
        instance = meeting_instance(**parameters, max_per_organisation=2, seed=1)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(instance, handle)
        path = Path(handle.name)
        runs = [whole_process(path) for _ in range(1 if name.startswith("national") else 3)]
        path.unlink()
        result = runs[0]["result"]
        entry = {
            "parameters": {**parameters, "max_per_organisation": 2, "seed": 1},
            "wall_seconds_best": round(min(r["wall"] for r in runs), 3),
            "wall_seconds_median": round(statistics.median(r["wall"] for r in runs), 3),
            "cpu_seconds_best": round(min(r["cpu"] for r in runs), 3),
            "peak_memory_mb": round(max(r["peak_mb"] for r in runs)),
            "placed": sum(result["rank_histogram"].values()),
            "unassigned": len(result["unassigned"]),
            "unmet_needs": len(result["unmet_needs"]),
            "cost": result["cost"],
            "rank_histogram": result["rank_histogram"],
            "load_average_after": round(os.getloadavg()[0], 2),
        }
        report[name] = entry
        print(f"{name}: {json.dumps({k: v for k, v in entry.items() if k != 'parameters'})}")
    if RESULTS.exists():  # keep the national figure when it was not run this time
        previous = json.loads(RESULTS.read_text())
        for key, value in previous.items():
            report.setdefault(key, value)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
