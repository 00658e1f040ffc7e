"""The CP-SAT model: variables, the build context, one function per hard
rule (:mod:`scheduler.model.constraints`), the objective, and the what-if
pins and move costs."""
