# Infrastructure entry points. See scripts/*.sh for details.
.PHONY: build test run stop-db bench codegen openapi

build:
	dotnet build AGH.sln -c Release

# Builds and runs all tests against a throwaway PostgreSQL (or $$AGH_TEST_CONNECTION if set).
# Last line of output: "N passed, N failed, N skipped"; a skipped guarantee test (outage, crash safety,
# production auth) fails the run.
test:
	@bash scripts/test.sh

# Runs the service with the demo data: staff web app on http://127.0.0.1:5080/app, Swagger UI on http://127.0.0.1:5080/swagger.
run:
	@bash scripts/run.sh

# Stops the database of `make run`: the persistent local cluster (.pg/data, see scripts/pg.sh dev-dir) or the
# development container agh-dev-postgres.
stop-db:
	@bash scripts/pg.sh stop "$$(bash scripts/pg.sh dev-dir "$$(pwd)")"
	@if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then docker stop agh-dev-postgres >/dev/null 2>&1 || true; fi

# Benchmark: Release build, throwaway PostgreSQL, the service as its own process; prints a table and writes
# bench/results/latest.json. `make bench QUICK=1` runs every measurement with small sizes (< 3 min, used by CI).
bench:
	@QUICK="$(QUICK)" bash scripts/bench.sh

# Regenerates Wolverine's pre-built handlers after an endpoint or handler changed (`make test` fails while they are stale).
codegen:
	@bash scripts/codegen.sh

# Rewrites the checked-in OpenAPI document (openapi/agh-v1.json) from the host and regenerates the test project's NSwag
# client from it (`make test` fails while the document is stale; a document that breaks the client breaks the build).
openapi:
	@bash scripts/openapi.sh
