# Every target sets up what it needs first (scripts/setup.sh is quick when all is in place).
BROKER_PORT ?= 9092
POSTGRES_PORT ?= 15432

.PHONY: setup build demo test bench-text bench-tag bench-instructions bench-store bench-pipeline bench-grpc bench-web soak broker-up broker-down web-down \
        postgres-up postgres-down proto

setup:
	@scripts/setup.sh

## Build both services in release mode into .build/release.
build: setup
	swift build -c release --product akhbar-ingest
	swift build -c release --product akhbar-enricher

## Start a local broker, ingest Fixtures/, enrich until idle, print the stored articles, serve the web view.
demo: setup
	swift build --product akhbar-ingest
	swift build --product akhbar-enricher
	AKHBAR_BROKER_PORT=$(BROKER_PORT) scripts/demo.sh

## Run the whole suite, integration tests against a real local broker.
test: setup
	scripts/test.sh

## Throughput of the Arabic text layer on one core, next to pyarabic on the same corpus.
bench-text: setup
	swift build -c release --product akhbar-text-benchmark
	.build/release/akhbar-text-benchmark --python .tools/venv/bin/python

## Entity tagging on one core: articles/s, MB/s, and the memory of the loaded gazetteers and model.
bench-tag: setup
	swift build -c release --product akhbar-tag-benchmark
	.build/release/akhbar-tag-benchmark

## Instructions per article of the enricher's per-article path (decode, clean, tag, index), by callgrind.
bench-instructions: setup
	scripts/bench-instructions.sh

## Saving enriched articles to a fresh SQLite store as the enricher does: articles/s, ms per article.
bench-store: setup
	swift build -c release --product akhbar-store-benchmark
	.build/release/akhbar-store-benchmark

## End to end, ingest to stored rows, with 1 and 2 release enricher processes; their peak RSS.
bench-pipeline: setup
	scripts/bench-pipeline.sh

## gRPC as clients see it: query latency on a generated store of 100,000 articles, Publish articles/s.
bench-grpc: setup
	scripts/bench-grpc.sh

## The web view on the same generated store: page server time p50/p99, peak memory of a full export.
bench-web: setup
	scripts/bench-web.sh

## 20,000 articles, two release enrichers, one killed and restarted halfway: every article stored exactly once.
soak: setup
	scripts/soak.sh

broker-up: setup
	@deploy/broker.sh up $(BROKER_PORT)

broker-down:
	@deploy/broker.sh down $(BROKER_PORT)

## Stop the web view `make demo` left serving.
web-down:
	@scripts/web.sh down

## A private PostgreSQL 15 cluster on 127.0.0.1:$(POSTGRES_PORT) for the PostgreSQL store; prints its DSN.
postgres-up: setup
	@deploy/postgres.sh up $(POSTGRES_PORT)

postgres-down:
	@deploy/postgres.sh down $(POSTGRES_PORT)

## Regenerate the Swift code from the .proto files.
proto: setup
	scripts/generate-proto.sh
