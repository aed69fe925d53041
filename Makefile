# reprobench: `make reproduce` runs every paper at the ci profile and refreshes results/REPORT.md;
# `make test` runs the unit and smoke tests (what CI runs).
MVN      ?= mvn -B -q
PROFILE  ?= ci
PAPER    ?=
CLAIM    ?=
PAPER_FLAGS := $(foreach p,$(PAPER),--paper $(p)) $(foreach c,$(CLAIM),--claim $(c))

.PHONY: build test reproduce bench report data clean paper-dev nightly promote slurm-test

# Packages every module and writes target/classpath.txt for ./reprobench (and JMH's forks).
build:
	$(MVN) -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
	@mkdir -p target
	@{ ls datasets/target/datasets-*.jar harness/target/harness-*.jar papers/*/target/*.jar 2>/dev/null \
	     | grep -v -E -- '-(sources|tests|javadoc)\.jar$$'; \
	   cat datasets/target/cp.txt harness/target/cp.txt papers/*/target/cp.txt 2>/dev/null | tr ':' '\n'; } \
	  | awk 'NF && !seen[$$0]++' | paste -sd: - > target/classpath.txt
	@echo "built: ./reprobench is ready"

test:
	OMP_NUM_THREADS=1 mvn -B test

# Stand-in data sets. As root, the system packages they come from are installed first; otherwise
# `reprobench data prepare` names the exact command to run.
DATA_PACKAGES := espeak-ng dataset-fashion-mnist npm
data: build
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  missing=""; for p in $(DATA_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then echo "installing$$missing"; apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi; fi
	./reprobench data prepare

# The run's exit code (3: some claims errored) is kept, after the report is written.
# A stand-in that cannot be prepared does not stop the run: claims that need it are SKIPPED with the reason.
reproduce: build
	@$(MAKE) --no-print-directory data || echo "some stand-in data sets are unavailable: claims that need them will be SKIPPED"
	@rc=0; ./reprobench run --profile $(PROFILE) $(PAPER_FLAGS) || rc=$$?; \
	 ./reprobench report --out results/REPORT.md; \
	 echo "results/REPORT.md refreshed"; exit $$rc

# reproduce + benchmarks + compare with results/baseline (regressions confirmed by a rerun) +
# history trends. Exit 5: confirmed regression, 3: claims errored, 4: nothing ran.
nightly: build
	@$(MAKE) --no-print-directory data || echo "some stand-in data sets are unavailable: claims that need them will be SKIPPED"
	./reprobench nightly --profile $(PROFILE) $(foreach p,$(PAPER),--paper $(p)) $(NIGHTLY_FLAGS)

# Make a finished run the baseline: make promote RUN=<run-id>
promote: build
	./reprobench promote $(RUN)

# Slurm for real on this machine (installs slurm-wlm and munge; needs root): array of shards,
# dependent merge, merged run compared with a single-process run.
slurm-test: build
	bash .ci/slurm-test.sh

bench: build
	./reprobench bench $(PAPER_FLAGS)

report: build
	./reprobench report --out results/REPORT.md

clean:
	mvn -B -q clean
	rm -rf target

# Work on one paper without building the others: builds papers/$(PAPER) against the installed
# harness (mvn install -pl datasets,harness) and runs the CLI on it, e.g.
#   make paper-dev PAPER=sft-pg ARGS="run --paper sft-pg --profile smoke --runs-dir /tmp/runs"
ARGS ?= list
paper-dev:
	$(MVN) -pl papers/$(PAPER) -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
	OMP_NUM_THREADS=1 java -Xmx12g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
	  -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dreprobench.home=$(CURDIR) \
	  -cp papers/$(PAPER)/target/classes:$$(cat papers/$(PAPER)/target/cp.txt) org.reprobench.cli.Main $(ARGS)
