#!/usr/bin/env bash
# Starts the Neo4j test server in the foreground: start.sh [PORT [DATA_DIR [IMPORT_DIR]]]
# (PORT 0, the default, lets the OS pick a free one; IMPORT_DIR lets LOAD CSV read file:/// URLs there). Prints "READY bolt://127.0.0.1:PORT" when
# Bolt accepts connections; stops when stdin closes (Ctrl-D) or on SIGTERM/Ctrl-C.
# tests/neo4j_server.py runs this; so can a person who wants a scratch Neo4j.
#
# JVM sizing for a small CI box (2 cores, 24 GB): a modest heap (256 MB, at most 1 GB; the
# launcher caps the page cache at 64 MB) instead of the default quarter of RAM, and the serial
# collector, whose one GC thread does not compete with the test process for the two cores.
# Override with NEO4J_TEST_JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/install.sh" >&2  # a no-op once installed; keeps stdout for the READY line
# shellcheck disable=SC2086  # the options are meant to split into words
exec java ${NEO4J_TEST_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} \
    -cp "$here/target/classes:$here/target/lib/*" Launcher "$@"
