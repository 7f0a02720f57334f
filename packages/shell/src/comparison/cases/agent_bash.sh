greet() { local name=$1; echo "hello $name"; }; greet world; echo "name=${name:-unset}"
#---
add() { echo $(( $1 + $2 )); }; result=$(add 3 4); echo "result=$result"
#---
arr=(one two three); echo "${#arr[@]} ${arr[1]} ${arr[-1]}"; for x in "${arr[@]}"; do echo "- $x"; done
#---
declare -A ages=([alice]=30 [bob]=25); for k in $(echo "${!ages[@]}" | tr ' ' '\n' | sort); do echo "$k=${ages[$k]}"; done
#---
files=(*.txt); echo "${#files[@]} files; first=${files[0]}"
#---
for f in *.txt; do echo "$f: $(wc -l < "$f")"; done
#---
while IFS= read -r line; do echo "[$line]"; done < a.txt
#---
while IFS=, read -r n a c; do [ "$n" = name ] && continue; echo "$n lives in $c"; done < data.csv
#---
set -euo pipefail; count=$(grep -c the words.txt); echo "count=$count"
#---
set -euo pipefail; grep nomatch a.txt | wc -l; echo "after"
#---
set -o pipefail; false | true; echo $?
#---
echo $(( 7 / 2 )) $(( 7 % 3 )) $(( 2 ** 8 )) $(( (3 + 4) * 2 ))
#---
i=0; while (( i < 3 )); do echo $i; ((i++)); done
#---
x=5; (( x > 3 )) && echo big; [[ $x -eq 5 ]] && echo five
#---
s="hello.tar.gz"; echo "${s%.gz} ${s%%.*} ${s#*.} ${s##*.} ${#s}"
#---
s="Hello World"; echo "${s,,} ${s^^} ${s/World/There} ${s:0:5}"
#---
[[ "abc123" =~ ^([a-z]+)([0-9]+)$ ]] && echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
#---
[[ -f a.txt && ! -d a.txt ]] && echo file; [[ -z "" ]] && echo empty; [[ "b" > "a" ]] && echo gt
#---
case "$(basename data.csv)" in *.csv) echo csv;; *.json) echo json;; *) echo other;; esac
#---
for ext in txt log md; do case $ext in txt|md) echo "$ext: text";; *) echo "$ext: other";; esac; done
#---
cat <<EOF2
Name: $USER
Sum: $((1+2))
Literal: \$HOME
EOF2
#---
cat <<'EOF2'
No $expansion here $(date)
EOF2
#---
cat <<-EOF2
	indented
	lines
	EOF2
#---
printf '%-10s|%5s|\n' name age alice 30 bob 5
#---
printf '%05.2f %x %o %e\n' 3.14159 255 8 12345.678
#---
printf '%s\n' "${PWD##*/}"
#---
while getopts "ab:c" opt -a -b val -c; do echo "opt=$opt arg=${OPTARG:-}"; done
#---
parse() { local OPTIND o; while getopts ":v:q" o; do case $o in v) echo "v=$OPTARG";; q) echo quiet;; \?) echo "bad -$OPTARG";; :) echo "missing arg for -$OPTARG";; esac; done; shift $((OPTIND-1)); echo "rest=$*"; }; parse -v 1 -q -x file1 file2; parse -v
#---
set -- a b c; echo "$#: $1"; shift; echo "$#: $*"; shift 2; echo "$#"
#---
f() { return 3; }; f; echo "rc=$?"; f || echo "failed with $?"
#---
out=$(ls nope 2>&1); echo "captured: $out"
#---
val=$(echo "  padded  " | xargs); echo "[$val]"
#---
readonly RO=1; RO=2; echo "rc=$?"
#---
x=10; y=${x:-5}; z=${unset_var:-default}; echo "$y $z ${unset_var:=assigned} $unset_var"
#---
echo ${undefined_thing:?must be set}; echo after
#---
n=0; for ((i=1; i<=10; i++)); do (( i % 2 == 0 )) && n=$((n+i)); done; echo $n
#---
str="a b  c"; arr=($str); echo ${#arr[@]}; IFS=, read -ra parts <<< "x,y,z"; echo "${parts[2]} ${#parts[@]}"
#---
mapfile -t lines < a.txt; echo "${#lines[@]}: ${lines[*]}"
#---
echo {1..5} {a..c} {01..03} x{A,B}y
#---
let "a = 5 * 3"; echo $a; declare -i b=7; b+=3; echo $b
#---
func() { echo "in ${FUNCNAME[0]} with $#"; }; func a b
#---
trap 'echo "cleanup on exit"' EXIT; echo "working"; exit 0
#---
set -e; trap 'echo "error on line $LINENO"' ERR; echo start; false; echo unreachable
#---
x="a*"; echo "$x" $x
#---
unset arr; arr[5]=x; arr+=(y); echo "${!arr[@]}"
#---
echo "$(( $(wc -l < a.txt) * 2 ))"
#---
v=$(printf 'line1\nline2\n\n\n'); echo "[$v]"
#---
test -d dir && echo "dir exists"; test -e nope || echo "nope missing"; [ 3 -gt 2 ] && echo gt
#---
if grep -q cherry a.txt; then echo "has cherry"; else echo "no cherry"; fi
#---
until [ -f flag ]; do touch flag; echo waiting; done; ls flag
#---
select_none=1; [[ $select_none == 1 ]] && echo one || echo other
#---
echo "exit codes:"; true; echo $?; false; echo $?; ! true; echo $?
