#!/usr/bin/env bash
# Builds crmflow and starts the local stack: ./local/run.sh [--demo] [--port 8080]
# Prints a development token for the local API: ./local/run.sh token --tenant acme [--role admin|agent]
set -euo pipefail
cd "$(dirname "$0")/.."
# A token needs no fresh build once the stack has been built; everything else builds first.
if [[ "${1:-}" != "token" || ! -d local/target/classes ]]; then
  mvn -B -q -ntp -DskipTests install
fi
exec mvn -B -q -ntp -pl local exec:java -Dexec.args="$*"
