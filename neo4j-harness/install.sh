#!/usr/bin/env bash
# Fetches the Neo4j 5.26 test harness from Maven Central into neo4j-harness/lib and compiles the
# launcher into neo4j-harness/classes. Idempotent: does nothing when both are already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for tool in java javac mvn; do
    command -v "$tool" >/dev/null 2>&1 || { echo "neo4j-harness: $tool is not installed" >&2; exit 2; }
done
if [ ! -f "$here/lib/.complete" ]; then
    rm -rf "$here/lib"
    mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib" -DincludeScope=runtime
    touch "$here/lib/.complete"
fi
if [ ! -f "$here/classes/Launcher.class" ] || [ "$here/src/Launcher.java" -nt "$here/classes/Launcher.class" ]; then
    mkdir -p "$here/classes"
    javac -nowarn -d "$here/classes" -cp "$here/lib/*" "$here/src/Launcher.java"
fi
echo "neo4j-harness: ready ($(ls "$here/lib" | wc -l) jars)"
