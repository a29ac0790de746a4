"""vernetzt: the platform of a network of (post-)migrant self-organisations.

Kept free of Django imports so that `python -m vernetzt.solvers` runs without it.
"""

__version__ = "0.1.0"
