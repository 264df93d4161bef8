"""mypkg: a small package whose docstrings carry runnable examples.

docnb runs them as xdoctest would (`docnb run samples/mypkg/`), google style blocks
and freeform ``>>>`` runs alike.

Example:
    >>> import mypkg
    >>> mypkg.shapes.Square(2).area()
    4
"""
from mypkg import shapes, text

__all__ = ["shapes", "text"]
