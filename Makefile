# The README's two commands, `make demo` and `make test`, plus the build they share.
BUILD_DIR ?= build
# ccache: paths under the checkout are hashed relative to it, so another clone of the same
# sources (CI's) is served from the same cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release -DDOCNB_PYTHON=/usr/bin/python3

.PHONY: all deps configure docnb demo test docs install clean

all: docnb

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/CMakeCache.txt

docnb: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The samples name the kernel python3; the demo runs them on docnb's own kernel instead.
demo: docnb
	$(BUILD_DIR)/docnb run --kernel docnb-python --out $(BUILD_DIR)/executed samples/

test: docnb
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The sample Sphinx project (samples/docs) over the notebooks docnb executes from samples/:
# docnb writes them into the project's executed/ folder, nbsphinx renders without executing.
DOCS_DIR ?= $(BUILD_DIR)/docs
docs: docnb
	rm -rf $(DOCS_DIR)/src $(DOCS_DIR)/html
	mkdir -p $(DOCS_DIR)
	cp -R samples/docs $(DOCS_DIR)/src
	$(BUILD_DIR)/docnb run --out $(DOCS_DIR)/src/executed samples/
	/usr/bin/sphinx-build -b html -q $(DOCS_DIR)/src $(DOCS_DIR)/html
	@echo "docs: $(DOCS_DIR)/html/index.html"

# docnb, docnb-kernel, the kernelspec docnb-python, the pytest plugin, man pages, README and
# samples under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: docnb
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# The Debian package: $(BUILD_DIR)/docnb_VERSION_ARCH.deb (CPack; see packaging/).
.PHONY: package
package: docnb
	cmake --build $(BUILD_DIR) --target package

clean:
	rm -rf $(BUILD_DIR)

# Benchmarks against the peers (bench/README.md). Not part of `make test`. `bench` prints the
# four ratios of bench/speed.py, then forked ipykernel against nbclient and plain starts,
# docnb-kernel against ipykernel, the memory of an output flood against nbclient, the soak count
# of hangs, the HTML report's scaling, then gateway kernels against local ones; each part can
# run alone.
BENCH_ARGS ?=
SPEED_ARGS ?=
FORK_ARGS ?=
SOAK_ARGS ?=
.PHONY: bench bench-speed bench-overhead bench-kernel bench-fork bench-flood bench-soak bench-html \
	bench-gateway bench-example-cpu
bench: bench-speed bench-example-cpu bench-fork bench-kernel bench-flood bench-soak bench-html \
	bench-gateway

# Each part but bench-kernel runs one script of bench/ against the docnb just built, with the
# arguments of its variable: PART:SCRIPT:VARIABLE.
#   speed     the four ratios of bench/speed.py (SPEED_ARGS)
#   fork      ipykernel forked from docnb's zygote: 40 x 20 and `import torch` notebooks against
#             nbclient, start to first cell against a plain start (FORK_ARGS)
#   overhead  docnb's execution overhead against nbclient, notebook by notebook
#   flood     peak memory of a 200 MB stdout flood, docnb against nbclient
#   soak      the 40-notebook corpus run 20 times; a run that never exits is a hang (must be 0)
#   html      the HTML report of 10, 100 and 1,000 notebooks: size per notebook, render and load
#   gateway   kernels on a Jupyter Server (v1 and JSON framings) against local ZeroMQ kernels: the
#             20-notebook set and the per-cell overhead
BENCH_SCRIPTS := speed:speed:SPEED_ARGS fork:ipykernel_fork:FORK_ARGS \
	overhead:execution_overhead:BENCH_ARGS flood:output_flood: soak:soak:SOAK_ARGS \
	html:html_report:BENCH_ARGS gateway:gateway:BENCH_ARGS
bench_field = $(word $(1),$(subst :, ,$(filter $(2):%,$(BENCH_SCRIPTS))))

bench-speed bench-fork bench-overhead bench-flood bench-soak bench-html bench-gateway: bench-%: docnb
	/usr/bin/python3 bench/$(call bench_field,2,$*).py --docnb $(BUILD_DIR)/docnb \
		$($(call bench_field,3,$*))

# Where the CPU of one docstring example goes, docnb against xdoctest (bench/README.md); the
# script changes folders, so it takes docnb's absolute path.
bench-example-cpu: docnb
	/usr/bin/python3 bench/example_cpu.py --docnb $(abspath $(BUILD_DIR))/docnb

# docnb-kernel against ipykernel: start-up and trivial-cell round trip.
bench-kernel: docnb
	/usr/bin/python3 bench/kernel_start.py --build $(BUILD_DIR) $(BENCH_ARGS)

# docnb's verdicts on torch's docstring examples against xdoctest's (PyTorch's CI call), alone;
# `make test` runs it too.
.PHONY: parity
parity: docnb
	cd $(BUILD_DIR) && ctest -R torch_verdicts_match_xdoctest --output-on-failure

# libFuzzer targets for every parser of untrusted input, built with clang, each run for
# FUZZ_SECONDS; FUZZ_TARGETS picks some of them (README, "Fuzzing").
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
.PHONY: fuzz
fuzz:
	sh fuzz/run_fuzz.sh $(FUZZ_SECONDS) $(BUILD_DIR)/fuzz $(FUZZ_TARGETS)
