#!/usr/bin/env bash
# Puts the browser libraries of report-assets.lock into the jar's resources (run by Maven at generate-resources).
# Each npm tarball is fetched once with `npm pack` into ~/.cache/mvlab/npm-packs, checked against the pinned
# integrity, and the one file needed is extracted. Nothing is fetched when a page opens: pages inline these files.
# usage: vendor-report-assets.sh LOCK_FILE OUT_DIR
set -euo pipefail
lock=$1
out=$2
cache="${XDG_CACHE_HOME:-$HOME/.cache}/mvlab/npm-packs"
mkdir -p "$out" "$cache"
while read -r name version integrity inner target; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    stamp="$out/$target.integrity"
    if [[ -f "$out/$target" && -f "$stamp" && "$(cat "$stamp")" == "$integrity" ]]; then
        continue
    fi
    tarball="$cache/$(echo "${name#@}" | tr '/' '-')-$version.tgz"
    if [[ ! -f "$tarball" ]]; then
        if ! command -v npm >/dev/null; then
            echo "error: npm is needed once to fetch $name@$version for the HTML pages (apt-get install npm)" >&2
            exit 1
        fi
        tmp=$(mktemp -d)
        (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
        mv "$tmp"/*.tgz "$tarball.part"
        rm -rf "$tmp"
        mv "$tarball.part" "$tarball"
    fi
    actual=$(node -e 'const c = require("crypto"), f = require("fs");
        console.log("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
    if [[ "$actual" != "$integrity" ]]; then
        rm -f "$tarball"
        echo "error: $name@$version: integrity $actual, expected $integrity (the cached tarball was removed)" >&2
        exit 1
    fi
    tar -xzf "$tarball" -O "$inner" > "$out/$target.part"
    mv "$out/$target.part" "$out/$target"
    echo "$integrity" > "$stamp"
done < "$lock"
