# mvlab: thin targets over the ./mvlab launcher and Maven. See README.md.
MVN ?= mvn -B -Dstyle.color=never
MVLAB ?= ./mvlab

.PHONY: build test engine-start engine-stop engine-status engine-logs clean sql bench

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) test

engine-start:
	$(MVLAB) engine start

engine-stop:
	$(MVLAB) engine stop

engine-status:
	$(MVLAB) engine status

engine-logs:
	$(MVLAB) engine logs

# End-to-end ingest (generator -> landing table with MVs) against the server-side ceiling; later work adds more.
BENCH_ARGS ?=
bench:
	$(MVLAB) bench ingest $(BENCH_ARGS)

clean:
	-$(MVLAB) engine stop 2>/dev/null
	$(MVN) -q clean
	rm -rf build .mvlab
