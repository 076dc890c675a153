#!/bin/sh
# Regenerate the lock files from the hand-pinned inputs:
#   requirements.in      -> requirements.txt       (what `make run` installs)
#   requirements-test.in -> requirements-test.txt  (what `make test` installs)
# Each lock lists every transitive package at one version with the hashes of its files, so pip
# installs exactly these files or refuses. The test lock is constrained by the runtime lock, so
# the two never disagree on a version.
#
# The compiler is uv, pinned below and installed into a throwaway venv. uv keeps the versions
# already in a lock unless told otherwise, so a re-run changes nothing until an input changes.
# Extra arguments go to `uv pip compile`, e.g. to refresh one transitive package:
#   tools/lock.sh --upgrade-package certifi
set -eu

UV_VERSION=0.13.9
PYTHON=${PYTHON:-python3}

cd "$(dirname "$0")/.."
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT INT TERM
"$PYTHON" -m venv "$tool"
"$tool/bin/pip" install --quiet "uv==$UV_VERSION"

compile() {
    # --universal: one lock for every platform (markers where a package is platform-specific);
    # --no-config: no user or machine uv.toml changes the result.
    "$tool/bin/uv" pip compile --quiet --no-config --universal --python-version 3.11 \
        --generate-hashes --custom-compile-command "tools/lock.sh" "$@"
}
compile requirements.in --output-file requirements.txt "$@"
compile requirements-test.in --constraint requirements.txt --output-file requirements-test.txt "$@"
