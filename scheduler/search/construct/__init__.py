"""Constructive scheduling without the solver: the greedy (first come,
first served, or most valuable first) that the engine starts its search
from and that ``bench/`` runs as the by-hand peer."""
