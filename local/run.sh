#!/usr/bin/env bash
# Builds crmflow and starts the local stack: ./local/run.sh [--demo] [--port 8080]
# Prints a development token for the local API: ./local/run.sh token --tenant acme [--role admin|agent]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "token" ]]; then
  # A token needs no fresh build once the stack has been built: asking for one should take seconds.
  [[ -d local/target/classes ]] || mvn -B -q -ntp -DskipTests install
  # Only the token on standard output, so that TOKEN=$(./local/run.sh token …) holds nothing else.
  mvn -B -q -ntp -Dstyle.color=never -pl local exec:java -Dexec.args="$*" | sed 's/\x1b\[[0-9;]*m//g' | grep -v '^$'
  exit "${PIPESTATUS[0]}"
fi
mvn -B -q -ntp -DskipTests install
exec mvn -B -q -ntp -pl local exec:java -Dexec.args="$*"
