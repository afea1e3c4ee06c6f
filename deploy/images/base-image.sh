#!/usr/bin/env bash
# Builds the services' base image from Debian packages, with no Docker daemon and no registry:
# Debian bookworm (essential packages only) + OpenJDK 17 JRE headless + CA certificates, and the
# user 185:185 the services run as. The result is a docker-save style image tarball
# (manifest.json, config.json, one gzipped layer) that Jib takes as `tar://` base image.
#
#   usage: base-image.sh CACHE_DIR      -> CACHE_DIR/base.tar
#
# The tarball is kept: a later build reuses it while this script is unchanged and the tarball is
# younger than HEALTHCODE_BASE_MAX_AGE_DAYS (7 by default), so security updates arrive within a week.
# Delete CACHE_DIR to rebuild now.
set -euo pipefail

cache=${1:?usage: base-image.sh CACHE_DIR}
max_age_days=${HEALTHCODE_BASE_MAX_AGE_DAYS:-7}
suite=bookworm
packages=openjdk-17-jre-headless,ca-certificates
uid=185
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
base=$cache/base.tar
key=$(sha256sum "$0" | cut -c1-16)

# One build at a time per cache (parallel builds of several modules or worktrees).
exec 9>"$cache/.lock"
flock 9

if [[ -f $base && "$(cat "$base.key" 2>/dev/null)" == "$key" ]] \
    && [[ -z $(find "$base" -mtime +"$((max_age_days - 1))" 2>/dev/null) ]]; then
  echo "base image: reusing $base (built $(date -r "$base" '+%F %T'); delete $cache to rebuild)"
  exit 0
fi

"$here/ensure-packages.sh" mmdebstrap

work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
start=$SECONDS
echo "base image: Debian $suite + $packages (about a minute and a half)"

# The service user 185:185 (the uid the Helm chart runs the pods as); its home is the read-only
# application directory. Apt's lists and caches, translations, manual pages and documentation
# (but each package's copyright file) are of no use in an image that never runs apt or a person.
# (/usr/share/man itself must stay while packages install: openjdk's postinst links into it.)
mmdebstrap --quiet --variant=essential --include="$packages" \
  --customize-hook='echo "healthcode:x:185:185:health code service:/deployments:/usr/sbin/nologin" >> "$1/etc/passwd"' \
  --customize-hook='echo "healthcode:x:185:" >> "$1/etc/group"' \
  --customize-hook='echo "healthcode:!:19000::::::" >> "$1/etc/shadow"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/cache/debconf/*-old "$1"/var/log/*.log "$1"/var/log/apt/*' \
  --customize-hook='rm -rf "$1"/usr/share/locale/* "$1"/usr/share/info/*; find "$1"/usr/share/man "$1"/usr/share/doc -type f ! -name copyright -delete' \
  "$suite" "$work/rootfs.tar"

arch=$(dpkg --print-architecture)   # amd64, arm64: the same names in OCI
java_home=/usr/lib/jvm/java-17-openjdk-$arch
tar -tf "$work/rootfs.tar" "./${java_home#/}/bin/java" >/dev/null \
  || { echo "base image: $java_home/bin/java is missing from the root file system" >&2; exit 1; }

diff_id=sha256:$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)
gzip -6 -n "$work/rootfs.tar"
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"User":"$uid:$uid","WorkingDir":"/tmp",
  "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
  "Cmd":["java","-version"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"$created","created_by":"mmdebstrap --variant=essential --include=$packages $suite","comment":"health code base image"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["healthcode/base:'"$suite"'-jre17"],"Layers":["rootfs.tar.gz"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$work/base.tar" manifest.json config.json rootfs.tar.gz
mv "$work/base.tar" "$base"
echo "$key" > "$base.key"
echo "base image: $base ($(du -m "$base" | cut -f1) MB) in $((SECONDS - start)) s"
