set -x; x=1; echo "$x"; set +x; echo done
#---
declare -p x 2>&1; x=1; declare -p x; arr=(a b); declare -p arr; declare -A m=([k]=v); declare -p m
#---
v="it's here"; echo "${v@Q}"; printf -v out '%05d' 42; echo "$out"
#---
grep -rn TODO . 2>/dev/null | head -5; echo "rc=${PIPESTATUS[0]}"
#---
printf 'a=1\nb=2\n' > .env; set -a; source .env; set +a; bash -c 'echo "$a $b"'
#---
while IFS='=' read -r key value; do echo "key=$key value=$value"; done <<< $'x=1\ny=2'
#---
cat <<< "here string"; tr a-z A-Z <<< "upper me"
#---
if [[ -n "${CI:-}" ]]; then echo ci; else echo local; fi
#---
count=0; for f in $(find . -name '*.txt' | sort); do count=$((count+1)); done; echo "$count txt files"
#---
find . -type f -name '*.txt' | xargs grep -l an | sort
#---
find . -name '*.txt' -type f | xargs -I{} sh -c 'echo "{}: $(wc -l < {})"' | sort
#---
ls | sort | head -3
#---
ls -1 dir; ls -a dir | head -3
#---
ls -l a.txt | cut -d' ' -f1
#---
stat -c '%s %n' a.txt b.txt
#---
du -b a.txt 2>/dev/null | cut -f1; wc -c < a.txt
#---
test -s empty.txt || echo "empty"; test -s a.txt && echo "non-empty"
#---
[ "$(cat nums.txt | wc -l)" -gt 3 ] && echo "more than 3"
#---
echo "a,b;c d" | awk -F'[,; ]' '{print $1 $2 $3 $4}'
#---
awk 'BEGIN { printf "%.2f\n", 22/7 }'
#---
awk -v name=world 'BEGIN { print "hello " name }'
#---
awk '/an/ { c++ } END { print c+0 }' a.txt
#---
sed -n '/banana/,$p' a.txt
#---
sed 's#/#_#g' <<< "a/b/c"
#---
sed '1d;$d' a.txt
#---
echo "key: value" | sed -E 's/^([^:]+): (.*)$/\2=\1/'
#---
sort -k2,2 -t, data.csv | head -2
#---
sort -u -t, -k3,3 data.csv | cut -d, -f3
#---
uniq -c <(sort words.txt) | sort -k1,1nr -k2
#---
head -n 2 a.txt b.txt
#---
tail -n 2 -q a.txt b.txt
#---
comm -23 <(sort a.txt) <(printf 'apple\n')
#---
diff <(printf 'a\nb\nc\n') <(printf 'a\nc\nd\n')
#---
paste -d' ' <(cut -d, -f1 data.csv) <(cut -d, -f3 data.csv)
#---
join -t, <(sort data.csv) <(printf 'alice,admin\nbob,user\n' | sort) 
#---
echo '{"users":[{"name":"a","age":3},{"name":"b","age":1}]}' | jq -r '.users | sort_by(.age) | .[].name'
#---
echo '{"a":{"b":{"c":42}}}' | jq '.a.b.c, (.a | keys[])'
#---
printf '{"x":1}\n{"x":2}\n' | jq -s 'map(.x) | add'
#---
jq -n '[range(3)] | map(. * 10)'
#---
jq -r '.b | @csv' json.txt; jq -r '.c | to_entries[] | "\(.key)=\(.value)"' json.txt
#---
echo '[1,2,3]' | jq 'map(select(. > 1))' -c
#---
x=3; y=4; echo "hyp^2 = $(( x*x + y*y ))"; echo "scale=3; sqrt(25)" | bc
#---
printf '%3d%%\n' 50; printf '%-5s|\n' ab; printf '%c\n' hello
#---
printf '%s\t%s\n' name value key val
#---
echo -e "col1\tcol2\nval1\tval2"
#---
str="one two three"; echo "${str// /_}"; echo "${str#* }"; words=($str); echo "${words[@]:1}"
#---
lower="MiXeD"; echo "${lower,}" "${lower^}"; echo "${#lower}"
#---
a=(3 1 2); IFS=$'\n' sorted=($(sort -n <<<"${a[*]}")); unset IFS; echo "${sorted[*]}"
#---
declare -a list=(); list+=("first"); list+=("second item"); printf '<%s>\n' "${list[@]}"; echo "${#list[@]}"
#---
for i in {1..3}; do for j in a b; do printf '%s%s ' $i $j; done; done; echo
#---
i=0; while true; do i=$((i+1)); [ $i -ge 5 ] && break; done; echo $i
#---
for f in nope*.xyz; do echo "got: $f"; done
#---
echo "$((16#ff)) $((2#1010)) $((0x10)) $((010))"
#---
echo $RANDOM >/dev/null && echo random-ok; [[ $SECONDS -ge 0 ]] && echo seconds-ok
#---
echo "pid-ok" && [ -n "$$" ] && echo has-pid
#---
whoami; id -u; hostname >/dev/null && echo host-ok
#---
uname -s; uname -m >/dev/null && echo arch-ok
#---
echo hi > out.txt; [ -f out.txt ] && rm out.txt && [ ! -e out.txt ] && echo removed
#---
mktemp -d >/dev/null && echo tmpdir-ok; f=$(mktemp); [ -f "$f" ] && echo tmpfile-ok; rm -f "$f"
#---
timeout 5 echo fast; echo "rc=$?"
#---
timeout 0.1 sleep 5; echo "rc=$?"
#---
command -v grep >/dev/null && echo has-grep; command -v nope_xyz >/dev/null || echo no-nope
#---
type -t cd; type -t grep; type -t nope_xyz; echo "rc=$?"
#---
hash -r; which grep sed | wc -l
#---
(cd dir && pwd); pwd
#---
cd dir; cd -; cd - >/dev/null; pwd
#---
echo $PWD; cd ./dir/../dir/sub; echo $PWD; echo $OLDPWD
#---
CDPATH= cd dir && echo "in $(basename "$PWD")"
#---
timeout 1 bash -c 'sleep 5'; echo "rc=$?"
#---
timeout 0.1 sleep 5 || echo "timed out with $?"
