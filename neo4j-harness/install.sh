#!/usr/bin/env bash
# Fetches the Neo4j 5.26 test harness from Maven Central into target/lib and compiles
# src/Launcher.java into target/classes. Everything it makes lives under target/ (git-ignored).
#
# Idempotent and cheap to re-run: Maven runs only when target/lib is missing or pom.xml changed
# since the last fetch (target/lib carries the pom's hash), and then it first tries offline from
# the local Maven repository (~/.m2), going to Maven Central only when that is not enough.
# A fetch lands in a scratch folder that is renamed into place, so an interrupted run never
# leaves a half-filled target/lib that later runs would trust.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/target"

die() {
    echo "neo4j-harness: $*" >&2
    exit 2
}

command -v java >/dev/null 2>&1 || die "java is not installed (Neo4j 5.26 needs Java 17 or 21; Debian: apt-get install openjdk-17-jdk-headless)"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[ "${java_major%%.*}" -ge 17 ] 2>/dev/null || die "Java ${java_major:-?} is too old: Neo4j 5.26 needs Java 17 or 21"

mkdir -p "$target"
# Two test runs starting at once must not fill the same folder.
exec 9>"$target/.lock"
flock 9

stamp="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
if [ "$(cat "$target/lib/.pom-sha256" 2>/dev/null)" != "$stamp" ]; then
    command -v mvn >/dev/null 2>&1 || die "mvn is not installed (Maven fetches the Neo4j harness jars; Debian: apt-get install maven)"
    scratch="$target/lib.partial"
    fetch() {
        rm -rf "$scratch"
        mvn -B -q -Dstyle.color=never -f "$here/pom.xml" "$@" dependency:copy-dependencies \
            -DincludeScope=runtime -DoutputDirectory="$scratch"
    }
    if ! fetch --offline >/dev/null 2>&1; then
        echo "neo4j-harness: downloading the Neo4j test harness from Maven Central (~150 MB, once)" >&2
        fetch || die "Maven could not fetch org.neo4j.test:neo4j-harness (offline, or Maven Central unreachable?); its errors are above"
    fi
    echo "$stamp" >"$scratch/.pom-sha256"
    rm -rf "$target/lib"
    mv "$scratch" "$target/lib"
fi

classes="$target/classes"
if [ ! -f "$classes/Launcher.class" ] || [ "$here/src/Launcher.java" -nt "$classes/Launcher.class" ] \
    || [ "$target/lib/.pom-sha256" -nt "$classes/Launcher.class" ]; then
    command -v javac >/dev/null 2>&1 || die "javac is not installed (compiling the launcher needs a JDK, not only a JRE; Debian: apt-get install openjdk-17-jdk-headless)"
    rm -rf "$classes"
    mkdir -p "$classes"
    javac --release 17 -nowarn -encoding UTF-8 -d "$classes" -cp "$target/lib/*" "$here/src/Launcher.java"
fi
echo "neo4j-harness: ready ($(find "$target/lib" -name '*.jar' | wc -l) jars in $target/lib)"
