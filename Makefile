# The two set-up commands of README.md: `make site` and `make test`.
SWIFT ?= swift

.PHONY: site test deps test-deps clean

## Install what is missing, build in release mode, generate the site into Public/.
site: deps
	$(SWIFT) build -c release --product iopsite
	.build/release/iopsite build --root .

## Run every test (the browser tests need Debian's chromium, and python3 for a loopback web server).
test: deps test-deps
	$(SWIFT) test

## libcmark and libxml2 (and pkg-config, which finds them) from Debian's packages, only when missing.
deps:
	@{ pkg-config --exists libcmark && pkg-config --exists libxml-2.0; } 2>/dev/null || { \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q libcmark-dev libxml2-dev pkg-config; }

test-deps:
	@{ command -v chromium && command -v python3; } >/dev/null 2>&1 || { \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium python3; }

clean:
	rm -rf .build
