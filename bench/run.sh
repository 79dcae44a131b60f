#!/usr/bin/env bash
# Runs every measuring instrument and prints one results table: ./bench/run.sh [--size small|full] [--only name,name]
# Full size (the default) takes up to 30 minutes on 2 cores; the table is also written to bench/target/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests install
exec mvn -B -q -ntp -pl bench exec:exec ${1:+-Dbench.args="$*"}
