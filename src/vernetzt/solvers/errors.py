"""The one exception callers need to catch for bad solver input."""


class SolverInputError(ValueError):
    """Input that no solver run can make sense of; the message says what to fix."""
