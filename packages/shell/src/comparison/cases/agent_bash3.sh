printf 'a\nb' | while read -r l || [ -n "$l" ]; do echo "[$l]"; done
#---
while IFS= read -r -d '' f; do echo "file: $f"; done < <(find dir -type f -print0 | sort -z)
#---
read -ra words <<< "one two three"; echo "${#words[@]} ${words[2]}"
#---
echo -e "\e[1mbold\e[0m" | cat -v
#---
v=${UNSET:-$(echo computed)}; echo $v
#---
f() { printf '%s\n' "$@"; echo "count $#"; }; f "a b" "" c
#---
f() { echo "${1:?missing arg}"; }; f; echo "rc=$?"
#---
a=1; b=1; [ "$a" = "$b" ] && echo eq; [ "$a" != "$b" ] || echo not-ne; [ -n "$a" ] && [ -z "$c" ] && echo ok
#---
echo $(( undefined + 1 )); echo $(( 010 + 0x1 ))
#---
x="  spaced  out  "; echo "[${x}]"; echo [$x]; y=$(echo $x); echo "[$y]"
#---
echo "Line1
Line2" | wc -l
#---
cat << EOF | grep -c line
line one
line two
EOF
#---
func() {
  cat <<EOT
inside $1
EOT
}
func arg
#---
if [ -d dir ] && [ "$(ls dir | wc -l)" -gt 0 ]; then echo "dir has files"; fi
#---
result=$( { echo out; echo err >&2; } 2>&1 ); echo "$result"
#---
{ echo 1; echo 2; } | tac
#---
for i in $(seq 1 3); do echo -n "$i "; done; echo
#---
count=0; while read -r _; do count=$((count + 1)); done < a.txt; echo "$count lines"
#---
total=0; while read -r n; do total=$((total + n)); done < nums.txt; echo "total=$total"
#---
s="path/to/file.tar.gz"; base=${s##*/}; echo "${base%%.*} ${base#*.} ${s%/*}"
#---
str="a,b,c"; IFS=',' read -r -a fields <<< "$str"; for f in "${fields[@]}"; do echo "$f"; done
#---
trap 'echo cleanup' EXIT; tmp=$(mktemp); echo data > "$tmp"; cat "$tmp"; rm -f "$tmp"
#---
set -e; mkdir -p out && cd out && echo "in $(basename $PWD)"; cd ..; rmdir out; echo ok
#---
printf '%d items\n' "$(wc -l < a.txt)"
#---
echo "${PWD/#$HOME/~}" | grep -c burrow-cmp
#---
set -- one two; echo "${@: -1}" "${*:1:1}" "${#@}"
#---
a=( $(echo "1 2 3") ); echo ${a[@]/#/x}
#---
echo "$(printf 'x%.0s' {1..5})"
#---
x=abc; case $x in a*c) echo "match";; esac; [[ $x == a?c ]] && echo glob
#---
echo ${#} ${?} ${-//[^e]/}
#---
{ sleep 0.1; echo slow; } & echo fast; wait
#---
echo "$-"
#---
x=1; readonly x; unset x; echo "rc=$? x=$x"
#---
f() { cd /nope; local -x 1a=2; eval "nosuch_ev"; (nosuch_sub); x=$(nosuch_cs); }; f
#---
f() { echo "${1:?missing arg}"; }; f; echo "rc=$?"
#---
f() { nosuch; }; f; g() { echo ${x:?m}; }; g; echo after
#---
f() { nosuch; }; f;
h() {
 ls /nope
 nosuch2
}
h
#---
printf 'f() {\n nosuch\n}\nf\n' > s.sh; bash s.sh
#---
trap "nosuch_trap" EXIT; echo hi
#---
set -u; f() { echo $undefined; }; f; echo no
#---
f() { return 3; }; f; g() { false; }; g; echo $?
#---
set -e; f() { ls /nope; }; f; echo no
#---
printf 'echo "$-"\n' > s.sh; bash s.sh; bash -c 'echo $-'; set -e; echo $-
#---
set -euxfCa; echo $- 2>/dev/null
#---
set -o pipefail -v -E -T; echo $- 2>/dev/null
