sleep 0.1 & wait; echo "done $?"
#---
(echo bg-job) & wait; echo after
#---
for i in 1 2 3; do (echo "job $i" > out$i.txt) & done; wait; cat out1.txt out2.txt out3.txt
#---
false & pid=$!; wait $pid; echo "status=$?"
#---
(exit 3) & wait $!; echo "rc=$?"
#---
sleep 5 & kill $!; wait $! 2>/dev/null; echo "rc=$?"
#---
echo 'single '"'"'quoted'"'"' inside'
#---
echo "double \"quoted\" and \$dollar and \\backslash"
#---
echo $'tab\there\nnewline'
#---
x='a  b'; echo $x; echo "$x"
#---
echo '$HOME' "$HOME" \$HOME
#---
printf '%s|' "a b" c "" d; echo
#---
a="it's"; echo "$a" "${a}s"
#---
echo "nested $(echo "inner $(echo deep)")"
#---
echo \* '*' "*"
#---
echo 'a\nb'; echo -e 'a\nb'; echo -n 'no newline'; echo
#---
file="my file.txt"; touch "$file"; ls "$file"; rm "$file"; ls "$file" 2>&1
#---
echo "${HOME}/path" '${HOME}/path'
#---
echo "semi;colon" 'pipe|char' "amp&"
#---
ls *.txt
#---
ls *.nomatch 2>&1; echo "rc=$?"
#---
shopt -s nullglob; for f in *.nomatch; do echo "$f"; done; echo none
#---
shopt -s globstar; ls **/*.txt
#---
echo dir/*
#---
echo [ab].txt ?.txt
#---
echo *.{txt,csv}
#---
shopt -s dotglob; echo .h*; echo *hid*
#---
echo .*
#---
ls -d */
#---
export FOO=bar; env | grep '^FOO='
#---
FOO=temp env | grep '^FOO='; echo "after: ${FOO:-unset}"
#---
export A=1; unset A; echo "${A:-gone}"; printenv A; echo "rc=$?"
#---
env -i X=1 printenv X
#---
VAR=value; bash -c 'echo "child sees: ${VAR:-nothing}"'; export VAR; bash -c 'echo "child sees: ${VAR:-nothing}"'
#---
cd dir && pwd && cd sub && pwd && cd .. && pwd && cd - && cd ../.. 
#---
cd dir; ls; cd ..; ls -d dir
#---
cd /; pwd; cd ~; pwd
#---
cd dir/sub && cat ../x.txt && ls ../../*.csv
#---
pushd dir >/dev/null; pwd; popd >/dev/null; pwd
#---
mkdir -p build && cd build && touch out.o && cd .. && ls build
#---
basename /a/b/c.txt .txt; dirname /a/b/c.txt; realpath dir/../a.txt
#---
tar -czf arch.tgz dir && tar -tzf arch.tgz | sort
#---
tar -cf a.tar a.txt b.txt && mkdir ex && tar -xf a.tar -C ex && ls ex && diff a.txt ex/a.txt && echo same
#---
tar -czf d.tar.gz dir && rm -rf dir && tar -xzf d.tar.gz && find dir | sort
#---
gzip a.txt && ls a.txt* && gunzip a.txt.gz && cat a.txt
#---
gzip -c b.txt > b.gz; zcat b.gz 2>/dev/null || gzip -dc b.gz
#---
tar -tf nope.tar; echo "rc=$?"
#---
date -d '2024-01-15 10:30:00' '+%Y-%m-%d %H:%M'
#---
date -u -d '2024-03-01' +%A
#---
date -u -d @0 '+%Y-%m-%dT%H:%M:%SZ'
#---
date -u -d '2024-01-31 + 1 day' +%F
#---
date -u -d '2024-02-28' '+%j %U %b %B %a'
#---
date -u -d '2000-01-01 00:00:00' +%s
#---
date -d 'not a date'; echo "rc=$?"
#---
ts=$(date -u -d '2024-06-01 12:00:00' +%s); echo $(( ts / 86400 ))
#---
echo "a b c" | { read x y z; echo "$z $y $x"; }
#---
{ echo one; echo two; } > grouped.txt; cat grouped.txt
#---
echo err >&2 2>/dev/null; ls nope 2>&1 >/dev/null | wc -l
#---
cmd_output=$(cat a.txt | head -2 | tail -1); echo "$cmd_output"
#---
exec 3> fd3.txt; echo via-fd3 >&3; exec 3>&-; cat fd3.txt
#---
cat a.txt > copy.txt 2>&1 && diff -q a.txt copy.txt && echo equal
#---
echo hi | tee t1.txt t2.txt > /dev/null; cat t1.txt t2.txt
#---
yes | head -3
#---
seq 5 | head -n 2; seq -s, 1 4; seq 0 2 6
#---
date -u -d '2024-01-15 - 2 days' +%F; date -u -d '2024-01-15 3 days ago' +%F; date -u -d '2024-01-15 +1 week' +%F
#---
date -u -d '2024-01-31 + 1 month' +%F
#---
date -u -d 'Jan 15 2024' +%F; date -u -d '15 Jan 2024 10:00' '+%F %T'
#---
date -u -d '2024-01-15T10:30:00Z' +%s
#---
date -u -d '2024-01-15' '+%d/%m/%y %I %p %u %w'
