"""Hypothesis profiles: `make test` runs few examples, `make check-full` many more.

HYPOTHESIS_PROFILE=long (set by `make check-full`) multiplies every test's examples by 10.
Under CI (CI=true) examples are derandomised: a property test cannot pass by chance in one
run and fail in the next.
"""

import os

from hypothesis import HealthCheck, settings

LONG = os.environ.get("HYPOTHESIS_PROFILE", "") == "long"
FACTOR = 10 if LONG else 1
CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

settings.register_profile(
    "default",
    derandomize=CI,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=1000,
    derandomize=CI,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("long" if LONG else "default")


def examples(n: int) -> int:
    """The number of examples for a test that runs `n` in `make test`."""
    return n * FACTOR
