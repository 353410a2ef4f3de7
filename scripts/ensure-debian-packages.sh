#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet, for tests that run real tools
# (promtool, from the package 'prometheus', parses /metrics). Runs 'apt-get update' only when a package is unknown to
# apt, so that a machine with fresh lists installs at once. Exits non-zero, naming the package, when one cannot be
# installed (not root, no network, no such package).
#   scripts/ensure-debian-packages.sh prometheus
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 PACKAGE..." >&2
  exit 2
fi

missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-debian-packages: cannot install ${missing[*]}: not root; install them with 'apt-get install ${missing[*]}'" >&2
  exit 1
fi
for package in "${missing[@]}"; do
  if ! apt-cache show "$package" >/dev/null 2>&1; then
    apt-get update -qq >&2 || { echo "ensure-debian-packages: apt-get update failed; cannot install ${missing[*]}" >&2; exit 1; }
    break
  fi
done
# A package that ships a service (prometheus does) must not start it here: policy-rc.d answers 101 to invoke-rc.d.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created_policy=true
fi
status=0
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || status=$?
if [ "$created_policy" = true ]; then
  rm -f "$policy"
fi
if [ "$status" -ne 0 ]; then
  echo "ensure-debian-packages: could not install the Debian package(s) ${missing[*]} (apt-get exit $status)" >&2
  exit 1
fi
