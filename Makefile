# The README's two commands, `make demo` and `make test`, plus the build they share.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release -DDOCNB_PYTHON=/usr/bin/python3

.PHONY: all deps configure docnb demo test clean

all: docnb

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/CMakeCache.txt

docnb: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: docnb
	$(BUILD_DIR)/docnb run --out $(BUILD_DIR)/executed samples/

test: docnb
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR)

# Execution overhead of docnb against nbclient (bench/README.md). Not part of `make test`.
BENCH_ARGS ?=
.PHONY: bench
bench: docnb
	/usr/bin/python3 bench/execution_overhead.py --docnb $(BUILD_DIR)/docnb $(BENCH_ARGS)
