sed -i 's/apple/APPLE/' a.txt && cat a.txt
#---
sed -i.bak 's/one/ONE/g' b.txt && cat b.txt b.txt.bak
#---
sed -n '2,3p' a.txt
#---
sed '/banana/d' a.txt
#---
sed -e 's/a/A/2' -e 's/^/> /' a.txt
#---
sed -E 's/([a-z]+),([0-9]+)/\2:\1/' data.csv
#---
sed -i '1i header' a.txt && sed -i '$a footer' a.txt && cat a.txt
#---
awk -F, 'NR>1 {sum+=$2} END {print "total:", sum, "avg:", sum/(NR-1)}' data.csv
#---
awk -F, 'NR>1 {count[$3]++} END {for (c in count) print c, count[c]}' data.csv | sort
#---
awk '{print NR": "$0}' a.txt
#---
awk -F, '$2 > 28 {printf "%-6s %3d\n", $1, $2}' data.csv
#---
awk 'length($0) > 5' a.txt
#---
awk '{ n += NF } END { print n }' b.txt
#---
cat words.txt | sort | uniq -c | sort -rn
#---
sort words.txt | uniq -d
#---
cut -d, -f1,3 data.csv
#---
cut -c1-3 a.txt
#---
tail -n +2 data.csv | cut -d, -f2 | sort -n | head -1
#---
tr 'a-z' 'A-Z' < a.txt
#---
tr -d '\n' < a.txt; echo
#---
echo "hello   world" | tr -s ' '
#---
echo 'a,b,c' | tr ',' '\n'
#---
jq '.a' json.txt
#---
jq -r '.c.d' json.txt
#---
jq '.b | length' json.txt
#---
jq -c '.b | map(. * 2)' json.txt
#---
jq -r '.b[]' json.txt | paste -sd+ | bc
#---
echo '[{"n":"x","v":1},{"n":"y","v":2}]' | jq -r '.[] | "\(.n)=\(.v)"'
#---
echo '{"items":[{"id":1,"ok":true},{"id":2,"ok":false}]}' | jq '[.items[] | select(.ok)] | length'
#---
jq --arg k new '. + {k: $k}' -c json.txt
#---
jq 'keys' json.txt
#---
echo '{"a":1}' | jq '.missing // "default"'
#---
wc -l a.txt b.txt
#---
wc -w < b.txt
#---
wc -c a.txt
#---
cat a.txt | wc -l
#---
sort -t, -k2 -n data.csv
#---
sort -r a.txt
#---
sort nums.txt; sort -n nums.txt
#---
head -c 10 a.txt; echo
#---
tail -1 a.txt
#---
nl a.txt
#---
paste -d, a.txt nums.txt
#---
rev a.txt
#---
tac a.txt
#---
printf 'b\na\nc\n' | sort | head -2
#---
grep -o '[0-9]\+' data.csv | sort -n | tail -1
#---
awk -F, 'NR==1{for(i=1;i<=NF;i++) h[i]=$i; next} {print h[1]"="$1}' data.csv
#---
cat data.csv | awk -F, '{print $NF}' | sort -u
#---
echo "The Quick Brown" | awk '{print tolower($0)}'
#---
echo "a:b:c" | awk -F: '{print $2; print NF}'
#---
seq 1 5 | awk '{s+=$1} END {print s}'
#---
seq 10 | paste - - 
#---
printf '%s\n' 3 1 2 | sort -n | tr '\n' ' '; echo
#---
diff a.txt a.txt && echo identical
#---
printf 'apple\nberry\n' > c.txt; diff a.txt c.txt; echo "rc=$?"
#---
printf 'apple\nberry\n' > c.txt; diff -u a.txt c.txt | tail -n +3
#---
md5sum a.txt 2>/dev/null || sha256sum a.txt
#---
base64 a.txt | base64 -d
