#!/usr/bin/env bash
# The Linux installers: jpackage turns each app image into a .deb; the server's .deb then gets its systemd
# unit and its configuration file (a dpkg conffile, so upgrades keep the site's edits) added with dpkg-deb,
# because JDK 17's jpackage cannot place files outside the application directory (/opt/<name>).
#   build-debs.sh TARGET VERSION JDK
set -euo pipefail
target=$1
version=$2
jdk=$3
here=$(cd "$(dirname "$0")/.." && pwd)
icons=$(cd "$here/../icons/app" && pwd)
out=$target/packages
rm -rf "$out" "$target/deb-work"
mkdir -p "$out" "$target/deb-work"

# jpackage's dpkg-deb would xz-compress ~200 MB of jars that are compressed already: minutes for a few percent.
# dpkg >= 1.21.10 reads the compressor from the environment (Debian 12 has 1.21.22).
export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=6
# JDK 17's jpackage runs dpkg-deb under fakeroot
command -v fakeroot >/dev/null || { echo "jpackage --type deb needs fakeroot (apt-get install fakeroot)" >&2; exit 1; }

nice -n 10 "$jdk/bin/jpackage" --type deb --app-image "$target/images/bordergate-server" \
    --name bordergate-server --app-version "$version" --vendor BorderGate \
    --description "BorderGate gate server: REST/WebSocket API, lane cameras, plate reading, embedded Derby" \
    --linux-package-name bordergate-server --linux-deb-maintainer "ops@bordergate.vn" \
    --linux-app-category net --linux-app-release 1 \
    --resource-dir "$here/src/deb/server" --dest "$target/deb-work"

nice -n 10 "$jdk/bin/jpackage" --type deb --app-image "$target/images/bordergate-workstation" \
    --name bordergate-workstation --app-version "$version" --vendor BorderGate \
    --description "BorderGate officer workstation: vehicle queue, crossing checklist, agency steps" \
    --linux-package-name bordergate-workstation --linux-deb-maintainer "ops@bordergate.vn" \
    --linux-app-category misc --linux-app-release 1 \
    --linux-shortcut --linux-menu-group "Office" \
    --linux-package-deps "libgtk-3-0, libxtst6" \
    --resource-dir "$here/src/deb/workstation" \
    --icon "$icons/bordergate-workstation/bordergate-workstation-256.png" \
    --dest "$target/deb-work"

# server: add the unit and the configuration file
server_deb=$(ls "$target"/deb-work/bordergate-server_*.deb)
tree=$target/deb-work/server-tree
dpkg-deb -R "$server_deb" "$tree"
install -D -m 0644 "$here/src/linux/bordergate-server.service" "$tree/lib/systemd/system/bordergate-server.service"
install -D -m 0640 "$here/src/linux/gate.conf" "$tree/etc/bordergate/gate.conf"
echo /etc/bordergate/gate.conf >> "$tree/DEBIAN/conffiles"
size_kb=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kb/" "$tree/DEBIAN/control"
# gzip: the content is mostly jars, already compressed; xz would take minutes for a few percent
dpkg-deb --root-owner-group -Zgzip -b "$tree" "$out/$(basename "$server_deb")" >/dev/null
cp "$target"/deb-work/bordergate-workstation_*.deb "$out/"
rm -rf "$tree"
ls -l "$out"
