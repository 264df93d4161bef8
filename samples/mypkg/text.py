"""Text helpers with freeform examples (no section headers)."""


def shout(words):
    """Upper-cases and exclaims.

    >>> shout('hello')
    'HELLO!'
    >>> print(shout('bye'))
    BYE!
    """
    return words.upper() + "!"


def columns(rows):
    """Formats rows as aligned columns.

    >>> table = columns([('a', 1),
    ...                  ('bbb', 22)])
    >>> print(table)
    a     1
    bbb  22

    Long outputs can be elided:

    >>> print(columns([(str(i), i) for i in range(50)]))
    0    0
    ...
    49  49
    """
    width = max(len(name) for name, _ in rows)
    digits = max(len(str(value)) for _, value in rows)
    return "\n".join(f"{name:<{width}}  {value:>{digits}}" for name, value in rows)
