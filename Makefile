# The two set-up commands of README.md: `make site` and `make test`.
SWIFT ?= swift

.PHONY: site test deps build clean

## Install what is missing, build in release mode, generate the site into Public/.
site: deps
	$(SWIFT) build -c release --product iopsite
	.build/release/iopsite build --root .

## Run every test.
test: deps
	$(SWIFT) test

## libcmark (and pkg-config, which finds it) from Debian's packages, only when missing.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  SUDO=$$(command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q libcmark-dev pkg-config; }

clean:
	rm -rf .build
