#!/usr/bin/env bash
# The one list of Debian packages docnb needs to build, test and demo.
# Installs only what is missing, so a second run costs a dpkg query and nothing else.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config ccache
  # libraries named in DESIGN.md
  nlohmann-json3-dev libzmq3-dev cppzmq-dev libssl-dev libcli11-dev catch2
  libpcre2-dev libdtl-dev libcmark-dev libsqlite3-dev libtomlplusplus-dev
  # the HTML report's image diffs decode and encode PNG and JPEG
  libpng-dev libjpeg-dev
  # gateway kernels: HTTP and the channels websocket (Boost.Beast over Boost.Asio)
  libboost-dev
  # CPython's own ast for docstrings, and the embedded default kernel (xeus + xeus-python)
  python3-dev python3.11-dev pybind11-dev xtl-dev xeus-dev xeus-python-dev
  python3-xeus-python-shell python3-ipython
  # fuzz targets (libFuzzer)
  clang-14 libclang-rt-14-dev
  # the Jupyter stack: the real kernel and the peers the tests and benchmarks compare with
  python3 python3-ipykernel python3-jupyter-client python3-nbformat python3-nbclient
  python3-matplotlib python3-numpy python3-ipywidgets python3-comm python3-sympy
  python3-xdoctest python3-jupyter-kernel-test python3-nbsphinx python3-sphinx python3-myst-parser pandoc
  # the pytest plugin (pytest --docnb) and its tests under pytest-xdist
  python3-pytest python3-pytest-xdist
  # pyflakes checks every .py file of docnb (ctest python.pyflakes)
  python3-pyflakes
  # the Debian package (make package): its man pages, and lintian, which checks it
  help2man lintian dpkg-dev fakeroot
  # the HTML report's tests load it in a real browser
  chromium chromium-driver python3-selenium
  # gateway kernels' tests: a real Jupyter Server, and openssl for its TLS certificate
  python3-jupyter-server openssl
  # the test that each source is read once counts docnb's reads with strace
  strace
  # CPython 3.11's library docs (_sources/library/*.rst.txt): the Sphinx rule set's corpus test
  python3.11-doc
  # PyTorch 1.13 (CPU): its docstrings are the xdoctest parity suite's input
  python3-torch
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
