grep an a.txt
#---
grep -c the words.txt
#---
grep -v the words.txt
#---
grep -n cat words.txt
#---
grep -i APPLE a.txt
#---
grep -E 'a(n|p)' a.txt
#---
grep -o 'an' a.txt
#---
grep -w cat words.txt
#---
grep -l apple a.txt b.txt
#---
grep -r deep dir
#---
grep nope a.txt; echo $?
#---
grep -q apple a.txt && echo found
#---
grep -F '.' a.txt; echo $?
#---
grep -e apple -e cherry a.txt
#---
grep '^b' a.txt
#---
grep -h x dir/x.txt dir/y.log
#---
sed 's/a/A/' a.txt
#---
sed 's/a/A/g' a.txt
#---
sed -n '2p' a.txt
#---
sed '1d' a.txt
#---
sed -e 's/one/1/' -e 's/four/4/' b.txt
#---
sed 's/\(.*\)an\(.*\)/[\1][\2]/' a.txt
#---
sed -E 's/(a+)/<\1>/g' a.txt
#---
echo hello | sed 's/l/L/2'
#---
sed -n '/banana/,$p' a.txt
#---
sed '$a\
appended' a.txt
#---
sed 'y/abc/xyz/' a.txt
#---
printf 'a\nb\nc\n' | sed -n '$='
#---
awk '{print NR": "$0}' a.txt
#---
awk -F, 'NR>1 {s+=$2} END {print s}' data.csv
#---
awk '{print NF}' b.txt
#---
awk 'BEGIN {x=3; y=4; print x*y}'
#---
awk -F, '$3=="paris" {print $1}' data.csv
#---
awk '{for(i=NF;i>0;i--) printf "%s ", $i; print ""}' b.txt
#---
awk 'length($0) > 5' a.txt
#---
awk '{a[$1]++} END {for (k in a) print k, a[k]}' words.txt | sort
#---
echo "3 4" | awk '{printf "%.2f\n", $1/$2}'
#---
awk 'BEGIN{print toupper("abc"), substr("hello",2,3), index("hello","l")}'
#---
awk '/cat/ {c++} END {print c}' words.txt
#---
sort nums.txt
#---
sort -n nums.txt
#---
sort -rn nums.txt
#---
sort -u words.txt
#---
sort -t, -k2 -n data.csv
#---
sort -k2 b.txt
#---
uniq words.txt
#---
sort words.txt | uniq -c
#---
sort words.txt | uniq -d
#---
head -n 2 a.txt
#---
head -c 5 a.txt
#---
tail -n 2 a.txt
#---
tail -c 4 a.txt
#---
wc a.txt
#---
wc -l a.txt b.txt
#---
wc -c < a.txt
#---
cut -d, -f2 data.csv
#---
cut -c1-3 a.txt
#---
cut -d' ' -f2- b.txt
#---
tr a-z A-Z < a.txt
#---
tr -d a < a.txt
#---
tr -s 'p' < a.txt
#---
echo hello | tr -c 'l\n' '.'
#---
cat -n a.txt
#---
cat a.txt b.txt
#---
tac a.txt
#---
rev a.txt
#---
nl a.txt
#---
paste a.txt nums.txt
#---
seq 3
#---
seq 2 2 8
#---
seq -s, 1 5
#---
fold -w 3 a.txt
#---
echo 'a,b' | cut -d, -f1 --complement
#---
comm <(sort a.txt) <(sort a.txt) 2>/dev/null | head -1; echo ok
#---
printf '1\n2\n' > c1; printf '2\n3\n' > c2; comm c1 c2
#---
base64 < a.txt
#---
echo YXBwbGUK | base64 -d
#---
sha256sum a.txt
#---
echo '{"a":1}' | jq .a
#---
jq -c '.b' json.txt
#---
jq -r '.c.d' json.txt
#---
echo 'scale=2; 10/3' | bc
#---
echo '2^10' | bc
#---
tee t1.txt < a.txt > /dev/null; cat t1.txt
#---
diff a.txt a.txt; echo $?
#---
printf 'a\nb\n' > d1; printf 'a\nc\n' > d2; diff d1 d2; echo $?
#---
join <(printf '1 a\n2 b\n') <(printf '1 x\n2 y\n') 2>/dev/null || echo no-procsub
#---
shuf -n 1 -e only
#---
sort -k3,3 -t, data.csv | head -2
#---
grep -c '' a.txt
#---
sed -n 's/^\(.\).*/\1/p' a.txt | sort | uniq
#---
awk 'END {print NR}' a.txt
#---
cut -f1 -d: <<< "root:x:0"
#---
head -1 data.csv | tr , '\n' | wc -l
