for f in *.txt; do
  n=$(wc -l < "$f")
  echo "$f: $n"
done
#---
count=0
while IFS= read -r line; do
  count=$((count + 1))
  [[ $line == *an* ]] && echo "match: $line"
done < a.txt
echo "total $count"
#---
declare -A ages
while IFS=, read -r name age city; do
  [[ $name == name ]] && continue
  ages[$name]=$age
done < data.csv
for k in $(printf '%s\n' "${!ages[@]}" | sort); do echo "$k=${ages[$k]}"; done
#---
usage() { echo "usage: $0 [-v] file" >&2; return 2; }
main() {
  local verbose=0
  while getopts v opt; do
    case $opt in
      v) verbose=1 ;;
      *) usage; return ;;
    esac
  done
  shift $((OPTIND - 1))
  [ $# -eq 0 ] && { usage; return; }
  (( verbose )) && echo "verbose on"
  cat "$1"
}
main -v a.txt; echo "rc=$?"
#---
mkdir -p out
for i in 1 2 3; do
  printf 'item %d\n' "$i" > "out/f$i.txt"
done
cat out/*.txt | sort -r
#---
s="Hello, World"
echo "${s,,}" "${#s}" "${s//o/0}" "${s%%,*}"
arr=($s)
echo "${#arr[@]}: ${arr[1]}"
#---
join_by() { local IFS="$1"; shift; echo "$*"; }
join_by , a b c
join_by - x
#---
result=$(
  for x in 3 1 2; do echo $x; done | sort -n | tr '\n' ' '
)
echo "[$result]"
#---
trap 'echo cleanup; rm -f tmp.$$' EXIT
echo data > tmp.$$
[ -f tmp.$$ ] && echo created
#---
set -euo pipefail
x=${1:-none}
echo "x=$x"
grep -q banana a.txt && echo "has banana"
#---
i=0
until (( i >= 5 )); do
  (( i % 2 )) || echo "even $i"
  (( i++ )) || true
done
#---
str="a-b-c"
IFS=- read -ra parts <<< "$str"
for p in "${parts[@]}"; do echo "<$p>"; done
#---
cat > gen.sh <<'EOS'
#!/bin/bash
echo "generated $1"
EOS
bash_out=$(. ./gen.sh arg); echo "$bash_out"
#---
x=10
if (( x > 5 )) && [[ $x =~ ^[0-9]+$ ]]; then
  echo "big number"
elif [ "$x" -eq 5 ]; then
  echo five
fi
#---
printf '%-10s|%5s|\n' name age
printf '%-10s|%5d|\n' alice 30 bob 25
#---
f() {
  local -i n=$1
  if (( n <= 1 )); then echo 1; return; fi
  echo $(( n * $(f $((n - 1))) ))
}
f 6
#---
{
  echo "header"
  cat a.txt
} | nl -ba | head -2
#---
echo "a b c" | while read -r first rest; do echo "first=$first rest=$rest"; done
#---
files=(dir/*)
echo "${#files[@]} entries"; printf '%s\n' "${files[@]##*/}"
#---
key=value; eval "$key=42"; echo $value
#---
x=5; y=$((x<<2 | 1)); printf '%d %o %x\n' $y $y $y
#---
text=$(cat <<END
multi
line
END
)
echo "$text" | wc -l
