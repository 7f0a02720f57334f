#!/usr/bin/env bash
# Rebuilds the benchmark programs (needs Debian's clang, lld, wasi-libc, libclang-rt-14-dev-wasm32).
set -euo pipefail
cd "$(dirname "$0")"
for src in *.c; do
  clang --target=wasm32-wasi -O2 -s "$src" -o "${src%.c}.wasm"
done
