"""Benchmark networking rounds against figures from the social golfer literature.

Run: PYTHONPATH=src python bench/solvers_rounds.py [--quick]
Each entry has the wall and CPU time, the repeated meetings reached, their proven lower bound,
and how the plan was made (construction, stop reason). Shared machines: CPU time is steadier.
"""

import json
import os
import sys
import time
from pathlib import Path

from vernetzt.solvers import plan_rounds
from vernetzt.solvers.examples import networking_instance

RESULTS = Path(__file__).resolve().parent / "results" / "solvers_rounds.json"


def plain(people, table_size, rounds, time_limit_s):
    return {
        "participants": [{"id": f"p{i}", "organisation": None} for i in range(people)],
        "table_size": table_size,
        "rounds": rounds,
        "seed": 1,
        "time_limit_s": time_limit_s,
    }


def run(name, instance):
    start, cpu = time.perf_counter(), time.process_time()
    result = plan_rounds(instance)
    entry = {
        "people": len(instance["participants"]),
        "table_size": instance["table_size"],
        "rounds": instance["rounds"],
        "seconds": round(time.perf_counter() - start, 3),
        "cpu_seconds": round(time.process_time() - cpu, 3),
        **{key: value for key, value in result.items() if key != "rounds"},
    }
    print(f"{name}: {entry}", flush=True)
    return entry


def main():
    quick = "--quick" in sys.argv
    limit = 10 if quick else 30
    report = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_at_start": round(os.getloadavg()[0], 2),
    }
    # The social golfer 8-4-w: 10 rounds without a repeat exist (Aguado 2004); 11 cannot.
    # 8: finite field; 9: finite field + groups round; 10: translation-invariant CP-SAT model.
    golfers = {}
    for rounds in (8, 9, 10):
        golfers[f"{rounds}_rounds"] = run(
            f"32 people, tables of 4, {rounds} rounds", plain(32, 4, rounds, limit)
        )
    solved = [e["rounds"] for e in golfers.values() if e["repeat_pairs"] == 0]
    report["golfers_32_tables_of_4"] = {
        "runs": golfers,
        "most_rounds_without_repeat": max(solved, default=0),
    }
    report["kirkman_15_tables_of_3_7_rounds"] = run("Kirkman 15/3/7", plain(15, 3, 7, limit))
    report["affine_16_tables_of_4_5_rounds"] = run("16/4/5", plain(16, 4, 5, limit))
    report["affine_25_tables_of_5_6_rounds"] = run("25/5/6", plain(25, 5, 6, limit))
    report["affine_49_tables_of_7_8_rounds"] = run("49/7/8", plain(49, 7, 8, limit))
    meeting = networking_instance(participants=300, organisations=120, table_size=6, rounds=6)
    meeting["time_limit_s"] = limit
    report["meeting_300_120_orgs_tables_of_6_6_rounds"] = run("300 people, 120 orgs", meeting)
    large = networking_instance(participants=1000, organisations=400, table_size=8, rounds=8)
    large["time_limit_s"] = 2 * limit
    report["large_1000_tables_of_8_8_rounds"] = run("1000 people", large)
    history = dict(meeting)
    history["met_before"] = [[f"p{i}", f"p{i + 1}"] for i in range(1, 300, 2)]
    history["interest"] = [
        [f"p{i}", f"p{(i * 7) % 300 + 1}", 1.5]
        for i in range(1, 301)
        if f"p{i}" != f"p{(i * 7) % 300 + 1}"
    ]
    report["meeting_300_with_history_and_interest"] = run("300 people + history", history)

    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
