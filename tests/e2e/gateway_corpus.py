"""The nbclient and nbval conformance corpora, run by docnb on kernels of a real Jupyter Server
(one server for the whole corpus), reproduce the same outputs and verdicts as on local kernels.

Usage: gateway_corpus.py FRAMING [nbclient|nbval]
FRAMING is v1 (the server selects the v1.kernel.websocket.jupyter.org subprotocol docnb offers)
or json (it selects none: JSON frames). Every case is run; the failures are listed at the end.
"""
import sys

import gateway
import harness
import nbclient_corpus
import nbval_corpus

NBCLIENT = [("Check History in Memory.ipynb", []), ("Clear Output.ipynb", []),
            ("Empty Cell.ipynb", []), ("Factorials.ipynb", []), ("HelloWorld.ipynb", []),
            ("Inline Image.ipynb", []), ("JupyterWidgets.ipynb", []), ("Other Comms.ipynb", []),
            ("SVG.ipynb", []), ("Skip Exceptions with Cell Tags.ipynb", []),
            ("Skip Exceptions.ipynb", []), ("Skip Execution with Cell Tag.ipynb", []),
            ("Unicode.ipynb", []), ("UnicodePy3.ipynb", []), ("update-display-id.ipynb", []),
            ("Interrupt.ipynb", ["--timeout", "3"])]


def outcome(run):
    """Runs one case: "passed", "skipped", or "failed"."""
    try:
        run()
    except SystemExit as ended:
        return "skipped" if ended.code == harness.SKIP else "failed"
    return "passed"


def main():
    framing = sys.argv[1]
    corpora = sys.argv[2:] or ["nbclient", "nbval"]
    failed = []
    # The corpus notebooks' environment (terminal size, IPython's cell names) is the kernels',
    # and a remote kernel's environment is the server's.
    with gateway.GatewayServer(framing, env=nbclient_corpus.KERNEL_ENV) as server:
        if "nbclient" in corpora:
            for name, options in NBCLIENT:
                result = outcome(lambda: nbclient_corpus.run_case(name, options,
                                                                  server.options_for))
                print(f"== nbclient {name}: {result}", flush=True)
                if result == "failed":
                    failed.append(f"nbclient {name}")
        if "nbval" in corpora:
            for case in nbval_corpus.CASES:
                result = outcome(lambda: nbval_corpus.run_case(case, server.options_for))
                print(f"== nbval {case}: {result}", flush=True)
                if result == "failed":
                    failed.append(f"nbval {case}")
        server.check_no_kernels("after the corpus")
    harness.check(not failed, f"over the gateway ({framing} frames): " + ", ".join(failed))
    print(f"every case ran as on local kernels, over {framing} frames")


if __name__ == "__main__":
    main()
