# A small Sphinx project that publishes the notebooks docnb executed (`make docs`).
#
# docnb writes every executed source into executed/ (`docnb run --out <here>/executed
# samples/`), mirroring the tree, text sources included as .ipynb; nbsphinx only renders them.
project = "docnb samples"
extensions = ["nbsphinx"]

# The outputs come from docnb's run, already checked; nbsphinx must not run anything again.
nbsphinx_execute = "never"

# This project's own folder holds no examples, and the executed copies of its files (if a
# converter ever produced any) are not pages.
exclude_patterns = ["_build", "**.ipynb_checkpoints", "executed/samples/docs/**"]
html_theme = "alabaster"
