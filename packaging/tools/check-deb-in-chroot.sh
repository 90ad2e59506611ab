#!/usr/bin/env bash
# Installs the built .deb packages into a clean Debian 12 root (debootstrap, no container) and checks that
# they work there: the server package creates its user, unit and configuration, and its launcher answers
# /api/health; the workstation package installs with its dependencies and its launcher runs.
#   sudo packaging/tools/check-deb-in-chroot.sh [ROOT] [PORT]
# Needs root, debootstrap (apt-get install debootstrap) and network access to a Debian mirror
# (DEBIAN_MIRROR, default http://deb.debian.org/debian). Build the packages first:
#   mvn -B -DskipTests -Ppackage package
set -euo pipefail
root=${1:-/tmp/deb-root}
port=${2:-18080}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")/.." && pwd)
debs=$here/target/packages
server_deb=$(ls "$debs"/bordergate-server_*.deb)
workstation_deb=$(ls "$debs"/bordergate-workstation_*.deb)

if [[ ! -x "$root/bin/sh" ]]; then
    echo "== debootstrap bookworm into $root"
    debootstrap --variant=minbase bookworm "$root" "$mirror"
fi

mount -t proc proc "$root/proc"
cleanup() {
    [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
    sleep 1
    umount "$root/proc" || true
}
trap cleanup EXIT
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$server_deb" "$workstation_deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$server_deb")"
in_root apt-get update -q
in_root apt-get install -y -q "/tmp/$(basename "$server_deb")"
echo "== what the server package set up"
in_root getent passwd bordergate
in_root ls -ld /var/lib/bordergate /etc/bordergate/gate.conf /lib/systemd/system/bordergate-server.service
in_root dpkg-query -W -f='${Package} ${Version} Installed-Size=${Installed-Size} KiB\n' bordergate-server
in_root cat /var/lib/dpkg/info/bordergate-server.conffiles
if in_root sh -c 'command -v systemd-analyze' >/dev/null; then
    # the unit's syntax and hardening options, as this Debian's systemd reads them
    in_root systemd-analyze verify /lib/systemd/system/bordergate-server.service && echo "unit verified"
    in_root systemctl is-enabled bordergate-server.service || true
fi

echo "== server launcher as the bordergate user: --port $port --data /var/lib/bordergate/check --demo"
uid=$(in_root id -u bordergate)
gid=$(in_root id -g bordergate)
chroot --userspec="$uid:$gid" "$root" /usr/bin/env HOME=/var/lib/bordergate OMP_THREAD_LIMIT=1 \
    /opt/bordergate-server/bin/bordergate-server --port "$port" --data /var/lib/bordergate/check --demo \
    > "$root/tmp/server.log" 2>&1 &
server_pid=$!
health=""
for _ in $(seq 1 120); do
    if health=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null) && [[ "$health" == *'"UP"'* ]]; then
        break
    fi
    sleep 1
done
echo "health: $health"
[[ "$health" == *'"UP"'* ]] || { echo "server did not answer UP"; tail -50 "$root/tmp/server.log"; exit 1; }
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""

echo "== apt-get install ./$(basename "$workstation_deb")"
in_root apt-get install -y -q "/tmp/$(basename "$workstation_deb")"
in_root dpkg-query -W -f='${Package} ${Version} Installed-Size=${Installed-Size} KiB\n' bordergate-workstation
in_root sh -c 'ls /usr/share/applications/ | grep -i bordergate'
echo "== workstation launcher --help"
in_root /opt/bordergate-workstation/bin/bordergate-workstation --help
echo "== OK: both packages install in a clean Debian 12 root and their launchers start"
