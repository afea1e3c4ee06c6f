#!/usr/bin/env bash
# Installs the named Debian packages when they are missing (apt-get, as root), so that a fresh machine
# builds and tests the images with nothing installed by hand. Never skips: if a package cannot be
# installed, it says which and why, and fails.
#   usage: ensure-packages.sh PACKAGE...
set -euo pipefail

missing=()
for package in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "container images: installing Debian packages ${missing[*]}" >&2
if [[ $(id -u) -ne 0 ]]; then
  echo "container images: cannot install ${missing[*]}: this needs root (run: apt-get install -y ${missing[*]})" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "container images: cannot install ${missing[*]}: no apt-get on this machine (a Debian or Ubuntu host is needed)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Another apt run (e.g. a parallel build) holds the lock for a while: wait for it rather than fail.
apt_options=(-o DPkg::Lock::Timeout=300 -q)
if ! apt-get "${apt_options[@]}" update >&2 || ! apt-get "${apt_options[@]}" install -y "${missing[@]}" >&2; then
  echo "container images: apt-get could not install ${missing[*]}" >&2
  exit 1
fi
