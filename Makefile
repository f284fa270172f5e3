# mvlab: thin targets over the ./mvlab launcher and Maven. See README.md.
MVN ?= mvn -B -Dstyle.color=never
MVLAB ?= ./mvlab

.PHONY: build test engine-start engine-stop engine-status engine-logs clean sql bench lessons verify

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

# make lesson-3 runs lesson 3 (lessons/03-*/); LESSON_ARGS="--step" waits for Enter after each step
lesson-%:
	$(MVLAB) lesson run $* $(LESSON_ARGS)

lessons:
	$(MVLAB) lesson list

# runs the checks of checks/*.yaml on the default database
verify:
	$(MVLAB) verify

clean:
	-$(MVLAB) engine stop 2>/dev/null
	$(MVN) -q clean
	rm -rf build .mvlab
