# storyline's front door. `make demo` and `make test` work on a fresh Debian
# (bookworm) machine: both install what is missing first (`make demo` only
# what the storyline command needs, and builds only that).
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc)
SHARED     ?= ../shared
FUZZ_SECONDS ?= 20
# The interpreter the Python module is built for and installed into:
# Debian's, which has pybind11's and Dask's packages (python/CMakeLists.txt).
PYTHON     ?= /usr/bin/python3

CONFIGURE  = cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps deps-storyline build demo test asan-test fuzz-smoke bench score models clean install-python

all: build

deps:
	@scripts/install-deps

deps-storyline:
	@scripts/install-deps storyline

# Everything: the command, tools, tests and benchmarks. A build folder that
# `make demo` configured without tests and benchmarks is configured again.
# Also recompiles the word lists of lexicons/ when one changed (lexicons/README.md).
build: deps
	@grep -qs '^STORYLINE_TESTS:BOOL=ON' $(BUILD)/CMakeCache.txt && \
	  grep -qs '^STORYLINE_BENCH:BOOL=ON' $(BUILD)/CMakeCache.txt && \
	  test -f $(BUILD)/build.ninja || \
	  $(CONFIGURE) -DSTORYLINE_TESTS=ON -DSTORYLINE_BENCH=ON
	cmake --build $(BUILD) -j $(JOBS)

# The Python module (built by `make build` into $(BUILD)/python/, usable
# with PYTHONPATH=$(BUILD)/python) copied with its type stubs into the
# system interpreter's site directory (/usr/local/lib/python3.X/dist-packages
# on Debian), so that a plain `$(PYTHON) -c "import storyline"` works.
# PYTHON_SITE=DIR installs elsewhere (then DIR must be on PYTHONPATH).
PYTHON_SITE ?= $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_path("platlib"))' 2>/dev/null)
PYTHON_EXT  = $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null)
install-python: deps
	@test -f $(BUILD)/build.ninja || $(CONFIGURE) -DSTORYLINE_TESTS=ON -DSTORYLINE_BENCH=ON -DPython_EXECUTABLE=$(PYTHON)
	cmake --build $(BUILD) -j $(JOBS) --target storyline_py
	@test -n "$(PYTHON_SITE)" || { echo "install-python: $(PYTHON) names no site directory" >&2; exit 1; }
	mkdir -p $(PYTHON_SITE)
	install -m 755 $(BUILD)/python/storyline$(PYTHON_EXT) $(PYTHON_SITE)/
	install -m 644 $(BUILD)/python/storyline.pyi $(PYTHON_SITE)/
	cd / && PYTHONPATH=$(PYTHON_SITE) $(PYTHON) -c 'import storyline; print("installed:", storyline.__file__)'

# Ingests the bundled examples into a fresh store and writes their brief:
# Markdown to the terminal, HTML to $(BUILD)/demo-brief.html. Installs and
# builds only what the storyline command needs (no tests, tools, benchmarks,
# fuzzers: no Java, no clang); a build folder configured already is reused.
demo: deps-storyline
	@test -f $(BUILD)/build.ninja || $(CONFIGURE) -DSTORYLINE_TESTS=OFF -DSTORYLINE_BENCH=OFF
	cmake --build $(BUILD) -j $(JOBS) --target storyline
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/storyline ingest --db $(BUILD)/demo.db examples/
	$(BUILD)/storyline stories --db $(BUILD)/demo.db
	$(BUILD)/storyline brief --db $(BUILD)/demo.db --format md
	$(BUILD)/storyline brief --db $(BUILD)/demo.db --format html -o $(BUILD)/demo-brief.html
	@echo "HTML brief written to $(BUILD)/demo-brief.html"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan-test: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTORYLINE_SANITIZE=ON -DSTORYLINE_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# A short libFuzzer run of every target (clang-14), starting from the
# committed seed corpora; new inputs go to a scratch folder.
fuzz-smoke: deps
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DSTORYLINE_FUZZ=ON -DSTORYLINE_TESTS=OFF -DSTORYLINE_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@set -e; for f in $(FUZZ_BUILD)/fuzz/*_fuzzer; do \
	  n=$$(basename $$f); scratch=$$(mktemp -d); \
	  echo "== $$n ($(FUZZ_SECONDS)s)"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 $$scratch fuzz/corpus/$$n 2>&1 | tail -n 3; \
	  rm -rf $$scratch; \
	done

bench: build
	$(BUILD)/bench/extract_throughput --data $(SHARED)/data/article-extraction --examples examples
	$(BUILD)/bench/annotate_throughput --data $(SHARED)/data/article-extraction --examples examples
	bench/ner_opennlp_baseline.sh $(BUILD) $(SHARED)
	$(BUILD)/bench/parser_throughput --data $(SHARED)/data/ud-en-ewt/en_ewt-ud-dev.conllu --examples examples
	$(BUILD)/bench/cluster_throughput --articles 10000,100000
	$(BUILD)/bench/claims_throughput --stories eval/claims/stories
	$(BUILD)/bench/annotation_codec_throughput --examples examples --seeds $(SHARED)/seeds --data $(SHARED)/data/article-extraction
	python3 bench/synthetic_jsonl.py $(SHARED)/data/ud-en-ewt 20000 > $(BUILD)/synthetic-20k.jsonl
	rm -f $(BUILD)/bench-ingest.db*
	/usr/bin/time -f "ingest pipeline: %e s wall, %U s user, %P CPU, peak RSS %M KiB" \
	  $(BUILD)/storyline ingest --db $(BUILD)/bench-ingest.db $(BUILD)/synthetic-20k.jsonl
	$(BUILD)/bench/merge_throughput --jsonl $(BUILD)/synthetic-20k.jsonl --shards 2 --dir $(BUILD)/merge-bench
	PYTHONPATH=$(BUILD)/python /usr/bin/python3 bench/dask_throughput.py --jsonl $(BUILD)/synthetic-20k.jsonl \
	  --partitions 8 --cli $(BUILD)/storyline --dir $(BUILD)/dask-bench
	$(BUILD)/bench/store_stream --articles 1000000 --data $(SHARED)/data --dir $(BUILD)/store-stream
	$(BUILD)/bench/serve_load_throughput --cli $(BUILD)/storyline --data $(SHARED)/data --dir $(BUILD)/serve-load \
	  --articles 100000 --ingest 10000 --requests 20000 --connections 64 --slow 8

# Every scorer against ../shared/data (and the team's eval/ sets), as
# reported in the README.
score: build
	$(BUILD)/storyline extract --json $(SHARED)/data/article-extraction/html > $(BUILD)/extract-pred.jsonl
	$(BUILD)/tools/extraction_score --data $(SHARED)/data/article-extraction --pred $(BUILD)/extract-pred.jsonl
	$(BUILD)/tools/metadata_score --data $(SHARED)/data/article-extraction --split dev
	$(BUILD)/tools/sentence_score --data $(SHARED)/data
	$(BUILD)/tools/ner_score --data $(SHARED)/data/ner-uner-en-ewt
	$(BUILD)/tools/ner_meantime_score --data $(SHARED)/data/timex-meantime-en
	$(BUILD)/tools/parser_score --data $(SHARED)/data
	$(BUILD)/tools/timex_score --data $(SHARED)/data/timex-meantime-en/intra-doc_annotation
	$(BUILD)/tools/quote_score --shared $(SHARED) --litbank $(SHARED)/data/litbank-quotes --wikinews-de $(SHARED)/data/wikinews-de-quotes
	$(BUILD)/tools/cluster_score --ecbplus $(SHARED)/data/ecbplus-stories --split test
	$(BUILD)/tools/cluster_score --ecbplus $(SHARED)/data/ecbplus-stories
	$(BUILD)/tools/cluster_score --examples examples --gold eval/stories/examples.tsv
	$(BUILD)/tools/claims_score --gold eval/claims --split all
	$(BUILD)/tools/claims_audit --ecbplus $(SHARED)/data/ecbplus-stories \
	  --judgments eval/claims-audit/ecbplus.json --split train
	$(BUILD)/tools/claims_audit --ecbplus $(SHARED)/data/ecbplus-stories \
	  --judgments eval/claims-audit/ecbplus.json --split dev
	$(BUILD)/tools/claims_audit --ecbplus $(SHARED)/data/ecbplus-stories \
	  --judgments eval/claims-audit/ecbplus.json --split test

# Rebuilds every committed model from ../shared/data.
models: build
	$(BUILD)/tools/train_text_boilerplate --data $(SHARED)/data/article-extraction --out models/text_boilerplate.tsv
	$(BUILD)/tools/train_clusters --data $(SHARED)/data --out models/clusters.tsv
	$(BUILD)/tools/train_ner --data $(SHARED)/data/ner-uner-en-ewt --clusters models/clusters.tsv --out models/ner.bin
	$(BUILD)/tools/train_parser --data $(SHARED)/data --clusters models/clusters.tsv --out models/parser.bin
	cmake -S . -B $(BUILD)
	cmake --build $(BUILD) -j $(JOBS)
	$(BUILD)/tools/ner_score --data $(SHARED)/data/ner-uner-en-ewt
	$(BUILD)/tools/ner_meantime_score --data $(SHARED)/data/timex-meantime-en
	$(BUILD)/tools/parser_score --data $(SHARED)/data

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
