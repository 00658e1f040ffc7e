"""Search strategies: one model solved with a greedy warm start and an
insertion pass (:mod:`~scheduler.search.solve`), what-if runs, and long
events solved day by day (:mod:`~scheduler.search.decompose`)."""
