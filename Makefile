# sinkmap — two commands do everything on a fresh Debian machine:
#   make run    install what is missing, build (release), scan the bundled demo
#   make test   install what is missing, build, run the whole test suite
#
# libclang comes from Debian. Headers and library must be the same LLVM version, so it is pinned here
# (override with `make LLVM_VERSION=19 …`, then `swift package clean`).

LLVM_VERSION ?= 14
LLVM_PREFIX  := /usr/lib/llvm-$(LLVM_VERSION)
export SINKMAP_LLVM_PREFIX := $(LLVM_PREFIX)

SWIFT   ?= swift
DEMO    ?= Fixtures/demo-ai-service
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build setup clean help

help:
	@echo "make run    — install libclang if missing, build, scan $(DEMO)"
	@echo "make test   — install libclang if missing, build, run all tests"
	@echo "make build  — release build at .build/release/sinkmap"

## setup: install libclang-$(LLVM_VERSION)-dev from Debian when its headers or library are missing.
setup:
	@command -v $(SWIFT) >/dev/null || { echo "error: the Swift toolchain (swift) is not on PATH; install Swift 6 first" >&2; exit 1; }
	@if [ ! -f $(LLVM_PREFIX)/include/clang-c/Index.h ] || [ ! -e $(LLVM_PREFIX)/lib/libclang.so ]; then \
	  echo "libclang $(LLVM_VERSION) not found under $(LLVM_PREFIX): installing libclang-$(LLVM_VERSION)-dev"; \
	  if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
	    echo "error: run as root, or install it yourself: apt-get install -y libclang-$(LLVM_VERSION)-dev" >&2; exit 1; fi; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-$(LLVM_VERSION)-dev >/dev/null || \
	  { echo "error: could not install libclang-$(LLVM_VERSION)-dev (apt-get install -y libclang-$(LLVM_VERSION)-dev)" >&2; exit 1; }; \
	fi

build: setup
	$(SWIFT) build -c release --product sinkmap

run: build
	@echo "== sinkmap scan $(DEMO)"
	@.build/release/sinkmap scan $(DEMO)

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing

clean:
	$(SWIFT) package clean
