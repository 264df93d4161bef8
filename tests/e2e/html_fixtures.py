"""Sources the HTML report's tests run: notebooks whose stored outputs came from a real kernel
(nbclient) running one version of the code, while the cells now hold another, so that their
outputs differ the way real documentation drifts: a plot, an HTML table, a traceback, text."""
import shutil
from pathlib import Path

import nbformat

import harness

FIXTURES = harness.SOURCE_DIR / "tests" / "fixtures" / "html"

# (code when the outputs were stored, code now)
FAILING_CELLS = [
    ("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 8])\nplt.show()",
     "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()"),
    ("from IPython.display import HTML\n"
     "HTML('<table><tr><th>a</th><th>b</th><th>c</th></tr>"
     "<tr><td>1</td><td>2</td><td>3</td></tr></table>')",
     "from IPython.display import HTML\n"
     "HTML('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>')"),
    ("def inverse(x):\n    return 1 / x\ninverse(4)",
     "def inverse(x):\n    return 1 / x\ninverse(0)"),
    ("for i in range(6):\n    print('line', i, 'value', i * 10)",
     "for i in range(6):\n    print('line', i, 'value', i * 10 + (i == 3))"),
    ("print('the same')", "print('the same')"),
    ("print('x' * 300_000)", "print('y' * 300_000)"),
]

HOSTILE_HTML = ('<script>top.PWNED = 1; parent.PWNED = 1; alert(1)</script>'
                '<img src=x onerror="top.PWNED = 2; alert(2)"><b>bold {}</b>')
HOSTILE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" '
               'onload="top.PWNED = 3; alert(3)"><script>top.PWNED = 4; alert(4)</script>'
               '<rect width="120" height="40" style="fill: #c33"/><text x="8" y="25">{}</text>'
               '</svg>')
HOSTILE_MARKDOWN = ('[click me](javascript:top.PWNED=5;alert(5)) '
                    '[data link](data:text/html,<script>alert(6)</script>) '
                    '<script>alert(7)</script> ![pixel](data:image/png;base64,iVBORw0KGgo=) {}')
HOSTILE_TEXT = "</script><script>top.PWNED = 8; alert(8)</script>\"><img src=x onerror=alert(9)> {}"


def hostile_cells():
    def versions(template):
        return template.format("stored"), template.format("now")
    cells = [
        "from IPython.display import HTML, SVG, Markdown, display\ndisplay(HTML({!r}))",
        "from IPython.display import SVG, display\ndisplay(SVG({!r}))",
        "from IPython.display import Markdown, display\ndisplay(Markdown({!r}))",
        "print({!r})",
        "raise ValueError({!r})",
    ]
    payloads = [HOSTILE_HTML, HOSTILE_SVG, HOSTILE_MARKDOWN, HOSTILE_TEXT, HOSTILE_TEXT]
    return [(code.format(stored), code.format(now))
            for code, (stored, now) in zip(cells, map(versions, payloads))]


def stored_notebook(path, cells, timeout=60):
    """A notebook whose outputs nbclient stored from the first code of each pair, holding the
    second code now."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(stored) for stored, _ in cells]
    harness.nbclient_execute(nb, timeout=timeout)
    for cell, (_, now) in zip(nb.cells, cells):
        cell.source = now
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def failing_sources(root):
    """root/fixtures: failing.ipynb (a plot, an HTML table, a traceback, a text change, a cell
    that passes and an output too large for the report), slow.ipynb (a cell that times out under --timeout 3), page.md (a want
    that no longer holds)."""
    folder = root / "fixtures"
    stored_notebook(folder / "failing.ipynb", FAILING_CELLS)
    slow = nbformat.v4.new_notebook()
    slow.metadata["kernelspec"] = {"name": "python3", "display_name": "python3",
                                   "language": "python"}
    slow.cells = [nbformat.v4.new_code_cell("import time\ntime.sleep(60)")]
    nbformat.write(slow, str(folder / "slow.ipynb"))
    shutil.copy(FIXTURES / "page.md", folder / "page.md")
    return folder


# A folder and a file whose names are markup: '/' cannot be part of a name, so the closing
# tag spans the two.
HOSTILE_FOLDER = '"><script>top.PWNED = 10; alert(10)<'
HOSTILE_PAGE = 'script>.md'
HOSTILE_NOTEBOOK = '"><img src=x onerror=alert(11)>.ipynb'


def hostile_sources(root):
    folder = root / "hostile"
    stored_notebook(folder / HOSTILE_NOTEBOOK, hostile_cells())
    page = folder / HOSTILE_FOLDER / HOSTILE_PAGE
    page.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "hostile.md", page)
    return folder
