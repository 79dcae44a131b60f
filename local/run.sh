#!/usr/bin/env bash
# Builds crmflow and starts the local stack: ./local/run.sh [--demo] [--port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install
exec mvn -B -q -ntp -pl local exec:java -Dexec.args="$*"
