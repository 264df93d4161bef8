"""
A sphinx-gallery example
========================

The module docstring is the first text cell; comment blocks after ``# %%`` are text cells
and the code between them runs in one kernel.
"""

import statistics

samples = [2.5, 3.5, 4.0]

# %%
# Summary statistics
# ------------------
#
# The mean of the samples:

print(statistics.mean(samples))

###############################################################################
# A ruler of ``#`` starts a text block too.

print(max(samples))
