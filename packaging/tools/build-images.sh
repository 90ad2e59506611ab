#!/usr/bin/env bash
# Builds the self-contained application images (and on Linux the .deb packages) of the gate server and the
# officer workstation with JDK 17's jdeps, jlink and jpackage. Called by `mvn -Ppackage package` in this
# module, after Maven has copied each application's jars into TARGET/input/<app>.
#   build-images.sh TARGET VERSION JDK INSTALLERS
# INSTALLERS: "deb" (Linux) or "none". The package version drops -SNAPSHOT (installers want x.y.z).
set -euo pipefail
target=$1
version=${2%-SNAPSHOT}
jdk=$3
installers=${4:-none}
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
icons=$root/icons/app
bin=$jdk/bin
# jlink/jpackage are CPU-heavy and the build host is shared: run them at low priority
nice_cmd=(nice -n 10)

# Modules found by jdeps, plus the ones only loaded by name at run time: TLS (ec), Vietnamese and Chinese
# locale data, extra charsets, zip file systems (JasperReports fonts), JMX for the metrics' JVM gauges,
# the JDK compiler (JasperReports compiles JRXML with javax.tools when no JDT is present) and the XML DOM
# extensions Batik's SVG rendering asks for.
extra_modules=jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.unsupported,jdk.management,java.naming,java.sql
extra_modules=$extra_modules,java.compiler,jdk.compiler,jdk.xml.dom

modules_of() {
    local app=$1 input=$target/input/$1
    local main_jar class_path
    main_jar=$(cd "$input" && ls bordergate-"$app"-*.jar | head -n1)
    # the other jars as a class path, not as targets: modular ones (JavaCV names javafx.graphics) would be
    # resolved as modules and fail; jdeps follows the main jar's dependencies through the class path
    class_path=$(cd "$input" && ls ./*.jar | grep -v "^./bordergate-$app-" | sed "s|^\./|$input/|" | paste -sd:)
    "${nice_cmd[@]}" "$bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
        --class-path "$class_path" "$input/$main_jar"
}

runtime_for() {
    local app=$1 runtime=$target/runtime/$1
    local found
    found=$(modules_of "$app" | tail -n1)
    echo "[$app] jdeps modules: $found"
    rm -rf "$runtime"
    # --jlink-options would replace jpackage's defaults, so jlink runs here with them spelled out
    "${nice_cmd[@]}" "$bin/jlink" --add-modules "$found,$extra_modules" \
        --include-locales=en,vi,zh \
        --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2 \
        --output "$runtime"
}

app_image() {
    local app=$1 main_class=$2 icon=$3
    shift 3
    local input=$target/input/$app
    local main_jar
    main_jar=$(cd "$input" && ls bordergate-"$app"-*.jar | head -n1)
    rm -rf "$target/images/bordergate-$app"
    mkdir -p "$target/images"
    "${nice_cmd[@]}" "$bin/jpackage" --type app-image \
        --name "bordergate-$app" --app-version "$version" \
        --vendor "BorderGate" --description "BorderGate $app" \
        --input "$input" --main-jar "$main_jar" --main-class "$main_class" \
        --runtime-image "$target/runtime/$app" \
        --icon "$icon" --dest "$target/images" "$@"
}

echo "BorderGate $version: building app images in $target"
# the installation guide travels with the server (the systemd unit points at it)
cp "$root/docs/install.md" "$target/input/server/install.md"
runtime_for server
# after an OutOfMemoryError the server's state is unknown: exit, and systemd's Restart=on-failure starts it afresh
app_image server vn.bordergate.server.GateServerMain "$icons/bordergate-server/bordergate-server-256.png" \
    --java-options '-Djava.awt.headless=true' --java-options '-Xss1m' --java-options '-XX:+ExitOnOutOfMemoryError'
runtime_for workstation
app_image workstation vn.bordergate.workstation.WorkstationLauncher \
    "$icons/bordergate-workstation/bordergate-workstation-256.png"

if [[ "$installers" == deb ]]; then
    bash "$here/tools/build-debs.sh" "$target" "$version" "$jdk"
fi
du -sh "$target"/images/* "$target"/packages/* 2>/dev/null || true
