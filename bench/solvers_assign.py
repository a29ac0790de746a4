"""Benchmark forum assignment: a real-sized meeting and a large stress case.

Run: PYTHONPATH=src python bench/solvers_assign.py [--compare]
--compare also times the same flow network in networkx and SciPy/HiGHS (for ADR 0005).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from vernetzt.solvers import assign_forums, first_come_first_served
from vernetzt.solvers import assignment as model
from vernetzt.solvers.examples import meeting_instance

RESULTS = Path(__file__).resolve().parent / "results" / "solvers_assign.json"

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
    },
}


def timed(function, *args, repeat=3):
    """Best and median wall time, and the CPU time of the best run (shared machines vary)."""
    runs = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    return result, min(runs)[0], statistics.median(r[0] for r in runs), min(runs)[1]


def first_choice_share(result):
    placed = sum(result["rank_histogram"].values())
    return round(result["rank_histogram"].get("1", 0) / placed, 4) if placed else 0.0


def summary(result):
    return {
        "placed": sum(result["rank_histogram"].values()),
        "unassigned": len(result["unassigned"]),
        "cost": result["cost"],
        "first_choice_share": first_choice_share(result),
        "rank_histogram": result["rank_histogram"],
    }


def networks(instance):
    placement = model._Placement(model.parse_assignment_instance(instance))
    placement.place_pins()
    open_by_slot = {}
    for participant, slot in placement.open_pairs():
        open_by_slot.setdefault(slot, []).append(participant)
    return [
        model.build_flow_network(placement, s, open_by_slot.get(s, []))
        for s in placement.instance.slots
    ]


def solve_networkx(network):
    import networkx as nx

    graph = nx.DiGraph()
    for tail, head, capacity, cost in zip(
        network.tails, network.heads, network.capacities, network.costs, strict=True
    ):
        graph.add_edge(int(tail), int(head), capacity=int(capacity), weight=int(cost))
    flow = nx.max_flow_min_cost(graph, 0, 1)
    return nx.cost_of_flow(graph, flow)


def solve_highs(network):
    """The same network as an LP (network matrices give integral optima), max flow first via
    a bypass arc whose cost outweighs every other cost."""
    import scipy.sparse as sp
    from scipy.optimize import linprog

    pairs = int(network.capacities[network.tails == 0].sum())
    tails, heads = np.append(network.tails, 0), np.append(network.heads, 1)
    arcs = len(tails)
    columns = np.arange(arcs)
    incidence = sp.csr_matrix(
        (
            np.concatenate([np.ones(arcs), -np.ones(arcs)]),
            (np.concatenate([tails, heads]), np.concatenate([columns, columns])),
        ),
        shape=(network.num_nodes, arcs),
    )
    supply = np.zeros(network.num_nodes)
    supply[0], supply[1] = pairs, -pairs
    penalty = float(network.costs.max(initial=0)) * pairs + 1
    result = linprog(
        np.append(network.costs.astype(float), penalty),
        A_eq=incidence,
        b_eq=supply,
        bounds=np.column_stack([np.zeros(arcs), np.append(network.capacities, pairs)]),
        method="highs",
    )
    return round(result.fun - penalty * result.x[-1])


def solve_ortools(network):
    flows = model._solve_with_ortools(network)  # flows of the arcs not leaving the source
    return int(np.dot(flows, network.costs[network.tails != 0]))


def compare_libraries(instance):
    figures = {}
    nets = networks(instance)
    for name, solve in [
        ("ortools", solve_ortools),
        ("networkx", solve_networkx),
        ("scipy_highs", solve_highs),
    ]:
        start = time.perf_counter()
        cost = sum(solve(net) for net in nets)
        figures[name] = {"seconds": round(time.perf_counter() - start, 3), "open_cost": cost}
    figures["arcs"] = int(sum(len(net.tails) for net in nets))
    return figures


def main():
    compare = "--compare" in sys.argv
    report = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg()[0],
    }
    for name, parameters in CASES.items():
        instance = meeting_instance(**parameters, max_per_organisation=2, seed=1)
        repeat = 5 if name == "meeting_300" else 2
        optimum, best, median, cpu = timed(assign_forums, instance, repeat=repeat)
        fcfs, fcfs_best, _, _ = timed(first_come_first_served, instance, repeat=repeat)
        entry = {
            "parameters": {**parameters, "max_per_organisation": 2, "seed": 1},
            "optimum_seconds_best": round(best, 3),
            "optimum_seconds_median": round(median, 3),
            "optimum_cpu_seconds_of_best": round(cpu, 3),
            "fcfs_seconds_best": round(fcfs_best, 3),
            "optimum": summary(optimum),
            "first_come_first_served": summary(fcfs),
        }
        if compare:
            sizes = {
                "meeting_300": instance,
                "medium_2000": meeting_instance(
                    participants=2000,
                    slots=4,
                    forums_per_slot=(20, 30),
                    organisations=660,
                    max_per_organisation=2,
                    seed=1,
                ),
            }
            if name == "meeting_300":
                entry["libraries"] = {key: compare_libraries(inst) for key, inst in sizes.items()}
        report[name] = entry
        print(
            f"{name}: optimum {best:.3f} s (median {median:.3f} s, CPU {cpu:.3f} s), "
            f"FCFS {fcfs_best:.3f} s; first choices {entry['optimum']['first_choice_share']:.1%}"
            f" vs FCFS {entry['first_come_first_served']['first_choice_share']:.1%}; "
            f"unassigned {entry['optimum']['unassigned']} vs "
            f"{entry['first_come_first_served']['unassigned']}"
        )
        if "libraries" in entry:
            print("  libraries:", json.dumps(entry["libraries"]))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
