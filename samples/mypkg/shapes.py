"""Shapes with google-style examples."""
import math


class Square:
    """A square with sides of one length.

    Args:
        side: the length of each side

    Example:
        >>> sq = Square(3)
        >>> sq.area()
        9
        >>> sq
        Square(3)
    """

    def __init__(self, side):
        self.side = side

    def __repr__(self):
        return f"Square({self.side})"

    def area(self):
        """The area.

        Examples::

            >>> Square(1.5).area()
            2.25
        """
        return self.side**2

    def scaled(self, factor):
        """A new square, `factor` times as wide.

        Example:
            >>> squares = [Square(1).scaled(k) for k in range(1, 4)]
            >>> for square in squares:
            >>>     print(square.side)
            1
            2
            3
        """
        return Square(self.side * factor)


def circle_area(radius):
    """Area of a circle.

    Doctest:
        >>> round(circle_area(1.0), 5)
        3.14159
        >>> circle_area(-1)
        Traceback (most recent call last):
            ...
        ValueError: radius must be positive, got -1
    """
    if radius < 0:
        raise ValueError(f"radius must be positive, got {radius}")
    return math.pi * radius**2
