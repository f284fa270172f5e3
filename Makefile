# mvlab: thin targets over the ./mvlab launcher and Maven. See README.md.
MVN ?= mvn -B -Dstyle.color=never
MVLAB ?= ./mvlab

.PHONY: build test engine-start engine-stop engine-status engine-logs clean sql bench bench-cluster bench-render bench-template lessons verify \
	report

build:
	$(MVN) -q -DskipTests package
	$(MVLAB) --version >/dev/null  # makes the class data sharing archive the launcher uses (target/mvlab-*.jsa)

# the page test needs Debian's chromium: installed first when missing (scripts/ensure-browser.sh)
test:
	scripts/ensure-browser.sh
	$(MVN) test

engine-start:
	$(MVLAB) engine start

engine-stop:
	$(MVLAB) engine stop

engine-status:
	$(MVLAB) engine status

engine-logs:
	$(MVLAB) engine logs

# the project's SQL, one numbered file per statement in apply order
sql:
	$(MVLAB) render --out build/sql

# how long rendering the repository's project takes once the JVM is up
bench-render:
	$(MVN) -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
	java -cp target/classes:target/test-classes:$$(cat target/test-classpath.txt) dev.mvlab.bench.RenderBenchmark . 500

# parse+render time of the largest templated pipe under TEMPLATE_DIR (and a render of every templated node there)
TEMPLATE_DIR ?= .
bench-template:
	$(MVN) -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
	java -cp target/classes:target/test-classes:$$(cat target/test-classpath.txt) dev.mvlab.bench.TemplateBenchmark $(TEMPLATE_DIR) 500

# make lesson-3 runs lesson 3 (lessons/03-*/); LESSON_ARGS="--step" waits for Enter before each step
lesson-%:
	$(MVLAB) lesson run $* $(LESSON_ARGS)

lessons:
	$(MVLAB) lesson list

# runs every lesson and writes build/report/index.html and one self-contained page per lesson
report:
	$(MVLAB) report --lessons --out build/report

# runs the checks of checks/*.yaml on the database mvlab (apply first: it creates what is missing, drops nothing)
verify:
	$(MVLAB) apply > /dev/null
	$(MVLAB) verify

# End-to-end ingest (generator -> landing table with MVs) against the server-side ceiling; then mvlab serve's API
# against its baselines (Events API vs direct ingest, endpoint calls vs the same SQL straight to ClickHouse).
# Then engine stop/start and a command's start-up on an engine of its own (BENCH_LESSON3=1: lesson 3 at 5M events too),
# and ONE table of every goal of issue 20 (docs/benchmarks.md).
BENCH_ARGS ?=
BENCH_SERVE_ARGS ?=
BENCH_GOALS ?= build/bench-goals.tsv
bench:
	rm -f $(BENCH_GOALS)
	$(MVLAB) bench ingest --goals-file $(BENCH_GOALS) $(BENCH_ARGS)
	$(MVLAB) bench serve --goals-file $(BENCH_GOALS) $(BENCH_SERVE_ARGS)
	scripts/bench-summary.sh $(BENCH_GOALS)

# The workshop's insert rate on one engine against a local 2 x 2 cluster (same events, same views), with the cluster's
# start time and each node's memory; starts and stops the cluster itself unless one runs (about 1-2 minutes).
BENCH_CLUSTER_ARGS ?=
bench-cluster:
	$(MVLAB) bench cluster $(BENCH_CLUSTER_ARGS)

clean:
	-$(MVLAB) engine stop 2>/dev/null
	$(MVN) -q clean
	rm -rf build .mvlab
