set -euo pipefail

LOG_DIR="./logs"
mkdir -p "$LOG_DIR"

log() {
  local level="$1"; shift
  printf '[%s] %s\n' "$level" "$*" | tee -a "$LOG_DIR/run.log"
}

log INFO "starting"
for f in *.txt; do
  lines=$(wc -l < "$f")
  if (( lines > 2 )); then
    log INFO "$f has $lines lines"
  else
    log WARN "$f is short ($lines)"
  fi
done
log INFO "done"
wc -l < "$LOG_DIR/run.log"
#---
#!/usr/bin/env bash
set -e
usage() { echo "Usage: $0 [-v] [-n NAME] file..." >&2; exit 1; }
verbose=0; name=default
while getopts ":vn:" opt; do
  case "$opt" in
    v) verbose=1 ;;
    n) name="$OPTARG" ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
echo "verbose=$verbose name=$name rest=$*"
#---
cat > process.sh <<'EOF'
#!/bin/bash
set -euo pipefail
input="${1:?usage: process.sh FILE}"
[[ -f "$input" ]] || { echo "error: $input not found" >&2; exit 2; }
awk -F, 'NR>1 { total += $2; n++ } END { printf "rows=%d avg=%.1f\n", n, total/n }' "$input"
EOF
chmod +x process.sh
./process.sh data.csv
./process.sh missing.csv; echo "exit=$?"
./process.sh; echo "exit=$?"
#---
declare -A counts
while read -r word _; do
  counts[$word]=$(( ${counts[$word]:-0} + 1 ))
done < words.txt
for k in $(printf '%s\n' "${!counts[@]}" | sort); do
  echo "$k ${counts[$k]}"
done
#---
json='{"name":"app","deps":{"a":"1.0","b":"2.1"},"scripts":{"test":"jest"}}'
echo "$json" | jq -r '.deps | to_entries[] | "\(.key)@\(.value)"'
echo "$json" | jq -r '.scripts.test // "none"'
echo "$json" | jq '.deps | length'
name=$(echo "$json" | jq -r .name); echo "name=$name"
#---
tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"; echo cleaned' EXIT
cp a.txt b.txt "$tmpdir/"
ls "$tmpdir" | sort
(cd "$tmpdir" && cat a.txt | wc -l)
#---
retry() {
  local n=0 max=3
  until "$@"; do
    n=$((n+1))
    if (( n >= max )); then echo "failed after $n attempts"; return 1; fi
    echo "retry $n"
  done
}
retry false || echo "gave up"
retry true && echo "ok first time"
#---
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find . -name '*.txt' -print0)
echo "found ${#files[@]} files"
printf '%s\n' "${files[@]}" | sort | head -3
#---
if ! command -v nonexistent_tool &>/dev/null; then
  echo "nonexistent_tool not installed"
fi
command -v grep &>/dev/null && echo "grep available"
#---
for dir in src tests docs; do
  mkdir -p "project/$dir"
  touch "project/$dir/.gitkeep"
done
find project -type f | sort
du -s project >/dev/null && echo sized
#---
cat > Makefile.sh <<'EOF'
build() { echo "building $1"; }
test_() { echo "testing"; return 0; }
case "${1:-build}" in
  build) build app ;;
  test) test_ ;;
  *) echo "unknown target: $1" >&2; exit 1 ;;
esac
EOF
bash Makefile.sh; bash Makefile.sh test; bash Makefile.sh deploy; echo "rc=$?"
#---
version="1.2.3"
IFS=. read -r major minor patch <<< "$version"
echo "major=$major minor=$minor patch=$patch"
next="$major.$minor.$((patch + 1))"
echo "next=$next"
#---
str="Hello, World"
echo "${str^^}" "${str,,}" "${#str}"
echo "${str/World/Bash}"
[[ $str == Hello* ]] && echo "starts with Hello"
[[ $str =~ ([A-Z])[a-z]+$ ]] && echo "last word starts with ${BASH_REMATCH[1]}"
#---
sum=0
for n in $(cat nums.txt); do sum=$((sum + n)); done
echo "sum=$sum avg=$((sum / $(wc -l < nums.txt)))"
sort -n nums.txt | tail -1
#---
grep -q "apple" a.txt && echo "has apple" || echo "no apple"
grep -c "" a.txt b.txt
grep -l "o" *.txt | sort
#---
set -e; echo ${x:?m}; echo no
#---
echo ${x:?m}; echo no
#---
printf 'echo ${x:?m}\necho no\n' > q.sh; bash q.sh; echo "rc=$?"
