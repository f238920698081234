# Sourced by the benchmark scripts: a scratch folder, and the processes a script starts (it appends their
# PIDs to PIDS), both removed at exit by PID, so a run leaves nothing behind.
SCRATCH=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
