# xdoctest: +SKIP("slow"), -ELLIPSIS
x = 1  # doctest: +NORMALIZE_WHITESPACE
# xdoc: +REQUIRES(module:torch, env:CUDA==1, --flag, linux)
y = f(x)  # xdoctest: +IGNORE_WANT
# doc: +TIMEOUT(2.5)
# NBVAL_IGNORE_OUTPUT
# NBVAL_SKIPP
# doctest +SKIP
# xdoctset: +SKIP
# xdoctest: +SKPI, +FLOAT_CMP, +REQUIRES(
# xdoctest: +TIMEOUT(x), +REQUIRES()
#
##
