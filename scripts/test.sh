#!/usr/bin/env bash
# Runs every test: builds once, then the test projects side by side (the HTTP tests and the browser journeys share
# no state), each printing its own "Passed!/Failed!" summary. Exits non-zero if the build or any project fails.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p TestResults
dotnet build || exit 1
pids=()
logs=()
for project in tests/*/*.csproj; do
  log="TestResults/$(basename "$project" .csproj).log"
  dotnet test "$project" --no-build > "$log" 2>&1 &
  pids+=("$!")
  logs+=("$log")
done
status=0
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=1
  cat "${logs[$i]}"
done
exit "$status"
