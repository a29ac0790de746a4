"""Pure-Python optimisation solvers: forum assignment and networking-round seating.

Nothing here imports Django, so the solvers run in tests, benchmarks and the CLI alike.
"""

from .assignment import assign_forums, first_come_first_served
from .errors import SolverInputError
from .rounds import plan_rounds

__all__ = ["SolverInputError", "assign_forums", "first_come_first_served", "plan_rounds"]
