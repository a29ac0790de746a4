"""`python -m vernetzt.solvers assign|rounds`: JSON on stdin, JSON on stdout, errors exit 2."""

import json
import sys
from typing import TextIO

from .assignment import assign_forums
from .errors import SolverInputError
from .rounds import plan_rounds

USAGE = """usage: python -m vernetzt.solvers COMMAND < instance.json > result.json

commands:
  assign   optimal forum assignment (see docs/solvers.md)
  rounds   networking-round seating plan
"""


COMMANDS = {"assign": assign_forums, "rounds": plan_rounds}


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    solve = COMMANDS.get(argv[0]) if len(argv) == 1 else None
    if solve is None:
        stderr.write(USAGE)
        return 2
    try:
        try:
            instance = json.load(stdin)
        except json.JSONDecodeError as error:
            raise SolverInputError(f"input is not valid JSON: {error}") from error
        result = solve(instance)
    except SolverInputError as error:
        stderr.write(f"error: {error}\n")
        return 2
    json.dump(result, stdout, sort_keys=True, ensure_ascii=False)
    stdout.write("\n")
    return 0
