# sinkmap — two commands do everything on a fresh Debian machine:
#   make run    install what is missing, build (release), scan the bundled demo
#   make test   install what is missing, build, run the whole test suite
#
# libclang comes from Debian. Headers and library must be the same LLVM version, so it is pinned here: 19
# (Debian 12's libclang-19-dev, which knows C++23). 14 stays supported: `make LLVM_VERSION=14 test`. Each version
# builds in its own folder (.build for 19, .build-llvm14 for 14), so switching needs no `swift package clean`.

LLVM_VERSION ?= 19
LLVM_PREFIX  := /usr/lib/llvm-$(LLVM_VERSION)
export SINKMAP_LLVM_PREFIX := $(LLVM_PREFIX)
# The default version builds in .build; any other in .build-llvmN, so both can be built and tested side by side.
BUILD_DIR    := $(if $(filter 19,$(LLVM_VERSION)),.build,.build-llvm$(LLVM_VERSION))

SWIFT   ?= swift
SPM     := --scratch-path $(BUILD_DIR)
DEMO    ?= Fixtures/demo-ai-service
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-llvm14 build setup setup-render-tools screenshot docs docs-examples clean help crosscheck bench bench-setup fuzz

help:
	@echo "make run    — install libclang if missing, build, scan $(DEMO)"
	@echo "make test   — install libclang if missing, build, run all tests (LLVM_VERSION=14 make test: on libclang 14)"
	@echo "make test-llvm14   — the whole suite on libclang 14 too (CI runs both)"
	@echo "make build  — release build at $(BUILD_DIR)/release/sinkmap"
	@echo "make crosscheck    — compile the fixtures to LLVM IR with clang; sinkmap's graph must have every direct call"
	@echo "make fuzz   — fuzz the parsers of sinkmap.yml, compile_commands.json and baselines (FUZZ_SECONDS=60 each)"
	@echo "make bench  — release build, then the performance figures of Docs/performance.md (takes a few minutes)"
	@echo "make screenshot    — the HTML viewer of the demo in headless Chromium: out/viewer.png"
	@echo "make docs-examples — regenerate Docs/examples and Docs/images from the demo"
	@echo "make docs   — regenerate the shell completions (Docs/completions) and the man page (Docs/man/sinkmap.1)"

## setup: install libclang-$(LLVM_VERSION)-dev and libre2-dev from Debian when their headers or libraries are missing.
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
	@if [ ! -f /usr/include/re2/re2.h ]; then \
	  echo "RE2 not found: installing libre2-dev (sinkmap.yml patterns are matched by RE2, in linear time)"; \
	  if [ "$$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then \
	    echo "error: run as root, or install it yourself: apt-get install -y libre2-dev" >&2; exit 1; fi; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libre2-dev >/dev/null || \
	  { echo "error: could not install libre2-dev (apt-get install -y libre2-dev)" >&2; exit 1; }; \
	fi

## setup-render-tools: what the exporter checks drive — Graphviz (dot), Chromium (headless) and python3's jsonschema
## (SARIF schema validation). Installed from Debian as root or with password-less sudo; without either, the tests that
## need them are skipped, and this says so.
setup-render-tools:
	@missing=""; \
	command -v dot >/dev/null || missing="$$missing graphviz"; \
	command -v chromium >/dev/null || command -v chromium-browser >/dev/null || missing="$$missing chromium"; \
	python3 -c 'import jsonschema' 2>/dev/null || /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || \
	  missing="$$missing python3-jsonschema"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then as=""; elif sudo -n true 2>/dev/null; then as="sudo -n"; else as="none"; fi; \
	  if [ "$$as" = none ]; then \
	    echo "note: cannot install$$missing (needs root or password-less sudo); the DOT/SARIF/browser checks that need them are skipped."; \
	    echo "      to run them: sudo apt-get install -y$$missing"; \
	  else \
	    echo "installing$$missing for the exporter checks"; \
	    $$as env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $$as env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null || \
	    echo "warning: could not install$$missing (apt-get install -y$$missing); the checks that need them are skipped" >&2; \
	  fi; \
	fi

build: setup
	$(SWIFT) build $(SPM) -c release --product sinkmap

run: build
	@echo "== sinkmap scan $(DEMO)"
	@$(BUILD_DIR)/release/sinkmap scan $(DEMO)

test: setup setup-render-tools
	$(SWIFT) build $(SPM) --build-tests
	$(SWIFT) test $(SPM) --skip-build --disable-swift-testing

## test-llvm14: the same suite on libclang 14 (installed if missing, built in .build-llvm14), as CI runs it after
## `make test`: 14 stays supported.
test-llvm14:
	$(MAKE) LLVM_VERSION=14 test

## fuzz: the parser fuzz tests (sinkmap.yml, compile_commands.json, baselines) for FUZZ_SECONDS each, with a fresh
## seed (printed; SINKMAP_FUZZ_SEED=N replays it). An input that crashes is left in $TMPDIR/sinkmap-fuzz-NAME.last.
FUZZ_SECONDS ?= 60
fuzz: setup
	$(SWIFT) build $(SPM) --build-tests
	SINKMAP_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test $(SPM) --skip-build --disable-swift-testing --filter ParserFuzzTests

## bench-setup: Debian's clang-$(LLVM_VERSION) for the benchmark's baseline — the same LLVM as sinkmap's libclang.
bench-setup: setup
	@if [ ! -x /usr/bin/clang-$(LLVM_VERSION) ]; then \
	  echo "installing clang-$(LLVM_VERSION) for the benchmark's clang -fsyntax-only baseline"; \
	  if [ "$$(id -u)" = 0 ] || sudo -n true 2>/dev/null; then \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-$(LLVM_VERSION) >/dev/null || \
	    echo "note: could not install clang-$(LLVM_VERSION); the baseline falls back to any clang on PATH (and says so)"; \
	  else \
	    echo "note: cannot install clang-$(LLVM_VERSION) (needs root or password-less sudo); the baseline falls back to any clang on PATH"; \
	  fi; \
	fi

## bench: the nine figures (cold scan CPU vs clang, warm re-scan, re-scans after editing a .cpp, a comment and a token
## in the shared header, the engine on 1M functions, peak memory,
## 4 shards + merge vs the cold scan, the merge alone),
## measured in one run with their targets. A measurement, not a test: run it on an otherwise idle machine.
## BENCH_ARGS passes options, e.g. BENCH_ARGS="--project ~/src/llama.cpp -p ~/src/llama.cpp/build --no-engine".
bench: bench-setup
	$(SWIFT) build $(SPM) -c release --product sinkmap
	$(SWIFT) build $(SPM) -c release --product sinkmap-bench
	$(BUILD_DIR)/release/sinkmap-bench $(BENCH_ARGS)

## crosscheck: every fixture compiled to LLVM IR at -O0 with clang; each direct call there must be an edge of
## `sinkmap graph` (Tests/crosscheck/crosscheck.py; what is compared: Docs/crosscheck.md). Fails below 100 %.
## Debian's clang-$(LLVM_VERSION) (libclang's version) is installed when no clang is on PATH.
crosscheck: build
	@if ! command -v clang-$(LLVM_VERSION) >/dev/null && ! command -v clang >/dev/null; then \
	  echo "no clang found: installing clang-$(LLVM_VERSION)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-$(LLVM_VERSION) >/dev/null || \
	  { echo "error: could not install clang-$(LLVM_VERSION) (apt-get install -y clang-$(LLVM_VERSION))" >&2; exit 1; }; \
	fi
	CLANG=$$(command -v clang-$(LLVM_VERSION) || command -v clang) python3 Tests/crosscheck/crosscheck.py --sinkmap $(BUILD_DIR)/release/sinkmap

CHROMIUM_FLAGS := --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --window-size=1400,900

## screenshot: scan the demo, render the HTML viewer and photograph it in headless Chromium (out/ is git-ignored).
screenshot: build setup-render-tools
	@browser=$$(command -v chromium || command -v chromium-browser) || \
	  { echo "error: chromium is not installed (apt-get install chromium)" >&2; exit 1; }; \
	mkdir -p out && \
	$(BUILD_DIR)/release/sinkmap scan $(DEMO) -q --format json --output out/demo.json && \
	$(BUILD_DIR)/release/sinkmap export --from out/demo.json --format html --output out/demo.html && \
	"$$browser" $(CHROMIUM_FLAGS) --user-data-dir=out/.chromium --screenshot=out/viewer.png \
	  "file://$(CURDIR)/out/demo.html#entry=0" 2>/dev/null && \
	test -s out/viewer.png && echo "wrote out/viewer.png (open out/demo.html to use the viewer)"

## docs-examples: every format rendered from the demo, for Docs/formats.md. Scanned from Docs/examples so the
## report's root (../../Fixtures/…) makes the HTML viewer's file links work from there.
docs-examples: build setup-render-tools
	@mkdir -p Docs/examples Docs/images out
	cd Docs/examples && ../../$(BUILD_DIR)/release/sinkmap scan ../../$(DEMO) -q --no-cache --format json --output demo.json
	@for f in dot:demo.dot sarif:demo.sarif.json html:demo.html markdown:demo-threat-model.md text:demo.txt; do \
	  $(BUILD_DIR)/release/sinkmap export --from Docs/examples/demo.json --format $${f%%:*} --output Docs/examples/$${f#*:} || exit 1; \
	done
	$(BUILD_DIR)/release/sinkmap export --from Docs/examples/demo.json --format svg --output Docs/images/demo-graph.svg
	$(BUILD_DIR)/release/sinkmap export --from Docs/examples/demo.json --format svg --cluster file --output Docs/images/demo-graph-by-file.svg
	@browser=$$(command -v chromium || command -v chromium-browser) || \
	  { echo "error: chromium is not installed (apt-get install chromium)" >&2; exit 1; }; \
	"$$browser" $(CHROMIUM_FLAGS) --user-data-dir=out/.chromium --screenshot=$(CURDIR)/Docs/images/html-viewer.png \
	  "file://$(CURDIR)/Docs/examples/demo.html#entry=0" 2>/dev/null && test -s Docs/images/html-viewer.png
	"$$browser" $(CHROMIUM_FLAGS) --user-data-dir=out/.chromium --screenshot=$(CURDIR)/Docs/images/html-viewer-zoom.png \
	  "file://$(CURDIR)/Docs/examples/demo.html#sink=0&zoom=2&q=handle_request" 2>/dev/null && test -s Docs/images/html-viewer-zoom.png

clean:
	$(SWIFT) package $(SPM) clean

## docs: the shell completion scripts (bash, zsh, fish) and the man page, generated by swift-argument-parser from
## sinkmap's own commands and help (its --generate-completion-script and GenerateManual plugin), into Docs/completions
## and Docs/man. They are committed; CLIDocsTests fails when they are older than the binary's help.
## The man page's date: when the command line last changed (so regenerating an unchanged CLI changes nothing).
MAN_DATE ?= $(shell git log -1 --format=%cs -- Sources/sinkmap 2>/dev/null || date +%F)
docs: setup
	$(SWIFT) build $(SPM) --product sinkmap
	@mkdir -p Docs/completions Docs/man
	$(BUILD_DIR)/debug/sinkmap --generate-completion-script bash > Docs/completions/sinkmap.bash
	$(BUILD_DIR)/debug/sinkmap --generate-completion-script zsh > Docs/completions/_sinkmap
	$(BUILD_DIR)/debug/sinkmap --generate-completion-script fish > Docs/completions/sinkmap.fish
	$(SWIFT) package $(SPM) plugin generate-manual --configuration debug --date $(MAN_DATE)
	cp $(BUILD_DIR)/plugins/GenerateManual/outputs/sinkmap/sinkmap.1 Docs/man/sinkmap.1
	@echo "wrote Docs/completions/{sinkmap.bash,_sinkmap,sinkmap.fish} and Docs/man/sinkmap.1"
