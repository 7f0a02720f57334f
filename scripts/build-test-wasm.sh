#!/usr/bin/env bash
# build-test-wasm.sh: rebuilds every test program of tests/wasm/src into tests/wasm/bin/NAME.wasm.
#   tests/wasm/src/NAME.c          -> bin/NAME.wasm (one translation unit)
#   tests/wasm/src/NAME/*.c        -> bin/NAME.wasm (every .c of the directory, linked together)
# A line "// build: FLAGS" at the top of a .c file (of the directory's main.c) adds link flags for that program.
# Output is deterministic: fixed flags, sorted inputs, stripped (no paths or debug info), no timestamps.
# `--check` rebuilds into a temporary directory and fails if anything differs from the committed bin/.
#
# Needs Debian 12 packages: clang lld wasi-libc libclang-rt-14-dev-wasm32
#   apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32
set -euo pipefail
export LC_ALL=C
export SOURCE_DATE_EPOCH=0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$here/tests/wasm/src"
out="$here/tests/wasm/bin"
check=0
if [[ "${1:-}" == "--check" ]]; then
    check=1
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

for tool in clang wasm-ld; do
    command -v "$tool" >/dev/null || command -v "$tool-14" >/dev/null || {
        echo "missing $tool: apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32" >&2
        exit 1
    }
done
[[ -f /usr/include/wasm32-wasi/wasi/api.h ]] || {
    echo "missing wasi-libc: apt-get install -y wasi-libc libclang-rt-14-dev-wasm32" >&2
    exit 1
}

# Every program: O2, warnings are errors, stack first in memory (an overflow traps instead of corrupting data).
cflags=(--target=wasm32-wasi -O2 -s -Wall -Wextra -Werror -I "$src" -Wl,--stack-first)

extra_flags() { sed -n '1s|^// build: ||p' "$1"; }

mkdir -p "$out"
build() {
    local name="$1"; shift
    local first="$1"
    # shellcheck disable=SC2046
    clang "${cflags[@]}" $(extra_flags "$first") "$@" -o "$out/$name.wasm"
    echo "built $name.wasm ($(wc -c <"$out/$name.wasm") bytes)"
}

for f in $(find "$src" -maxdepth 1 -name '*.c' | sort); do
    build "$(basename "$f" .c)" "$f"
done
for d in $(find "$src" -mindepth 1 -maxdepth 1 -type d | sort); do
    mapfile -t files < <(find "$d" -maxdepth 1 -name '*.c' | sort)
    main="$d/main.c"
    [[ -f "$main" ]] || main="${files[0]}"
    rest=()
    for f in "${files[@]}"; do [[ "$f" == "$main" ]] || rest+=("$f"); done
    build "$(basename "$d")" "$main" "${rest[@]}"
done

if [[ $check == 1 ]]; then
    if diff -r "$out" "$here/tests/wasm/bin" >/dev/null; then
        echo "tests/wasm/bin is up to date"
    else
        diff -r "$out" "$here/tests/wasm/bin" | head -20 >&2
        echo "tests/wasm/bin differs from the sources: run scripts/build-test-wasm.sh" >&2
        exit 1
    fi
fi
