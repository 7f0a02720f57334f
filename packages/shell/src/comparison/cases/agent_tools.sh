cat -A b.txt | head -1; cat -n a.txt | tail -1
#---
head -n -1 a.txt; tail -c 7 a.txt
#---
cut -d, -f2 --complement data.csv | head -2
#---
echo "Hello World 123" | tr -cd '[:alpha:]\n'; echo "abc" | tr -c 'a' 'x'; echo
#---
echo "a-b_c" | tr '_-' '  '; echo "hello" | tr 'a-y' 'b-z'
#---
awk '{ gsub(/a/, "A"); print }' a.txt
#---
awk '{ n = split($0, parts, " "); print n, parts[1] }' b.txt
#---
awk -F, 'NR > 1 { printf "%s:%d\n", toupper(substr($1,1,1)) substr($1,2), $2 * 2 }' data.csv
#---
awk 'NR % 2 == 1' a.txt; awk 'END { print NR }' a.txt
#---
awk '{ print length($0), index($0, "an") }' a.txt
#---
awk 'BEGIN { for (i = 1; i <= 3; i++) s = s i; print s; print 10 % 3, int(7.9), 2^3 }'
#---
awk -F: '{ $2 = "X"; print }' OFS=: <<< "a:b:c"
#---
sed 's/\(an\)/[\1]/g' a.txt; sed 's/e/&&/' a.txt
#---
sed -n '/^b/p;/^c/p' a.txt; sed 'y/abc/xyz/' a.txt
#---
sed '2q' a.txt; sed -n '$=' a.txt
#---
sed -e '/apple/{s/apple/APPLE/;n;s/banana/BANANA/}' a.txt
#---
grep -E '^[a-c]' a.txt | grep -v '^c'; grep -x apple a.txt; grep -F '.' data.csv; echo "rc=$?"
#---
grep -h x dir/*.txt; grep -H apple a.txt; grep -m1 the words.txt
#---
grep -r --include='*.log' -l log . ; grep -L apple a.txt b.txt
#---
grep -ow 'the' words.txt | wc -l; grep -c '' a.txt
#---
sort -V <<< $'v1.10\nv1.2\nv1.9'; sort -h <<< $'10K\n1M\n512'
#---
sort -k1,1 -u words.txt; sort -s -k1,1 words.txt
#---
seq -w 8 10; seq 3 -1 1; seq -f 'item%g' 2
#---
printf 'a\nb\nc\nd\n' | split -l 2 - part_; ls part_*; cat part_ab
#---
echo "x y z" | xargs -n1 | sort -r
#---
find . -name '*.txt' -newer nope 2>&1 | head -1; echo "rc=${PIPESTATUS[0]}"
#---
find dir -type f -printf '%f\n' | sort
#---
find dir -name '*.txt' -delete; find dir | sort
#---
find . -maxdepth 1 -name '*.csv' -exec basename {} .csv \;
#---
find dir -type f | xargs -I{} cp {} {}.bak; find dir -name '*.bak' | sort
#---
ls dir/*.txt dir/*.log | xargs -n1 basename
#---
du -a dir | sort -k2 | awk '{print $2}'
#---
tree dir 2>/dev/null || find dir | sort
#---
wc a.txt b.txt nums.txt
#---
cat a.txt b.txt | sort | uniq | wc -l
#---
tee -a log.txt <<< "first" >/dev/null; echo second | tee -a log.txt >/dev/null; cat log.txt
#---
sha256sum a.txt | cut -c1-16; md5sum a.txt 2>/dev/null | cut -c1-8 || echo no-md5
#---
echo "obase=2; 10" | bc; echo "5 / 2" | bc; echo "5 / 2" | bc -l
#---
echo $(( $(cat nums.txt | paste -sd+) ))
#---
numbers=$(seq 1 5); echo $numbers; echo "$numbers" | wc -l
#---
printf '%s\n' c b a | sort | tr '\n' ',' | sed 's/,$/\n/'
#---
cat data.csv | tail -n +2 | sort -t, -k2 -nr | head -1 | cut -d, -f1
#---
ls -1 | wc -l; ls -A | wc -l
#---
file a.txt dir 2>/dev/null || echo no-file
#---
realpath --relative-to=dir a.txt 2>/dev/null; readlink -f dir/../a.txt
#---
stat -c '%F' a.txt dir
#---
touch -d '2024-01-01 00:00:00' old.txt && date -u -r old.txt +%F
#---
ln -sf a.txt l1 && ls -l l1 | awk '{print $(NF-2), $(NF-1), $NF}'
#---
cp -v a.txt c.txt; mv -v c.txt d.txt; rm -v d.txt
#---
mkdir -pv x/y/z | tail -1; rmdir -p x/y/z && ls -d x 2>&1
#---
chmod 644 a.txt && stat -c '%a %A' a.txt; chmod u+x,g-r a.txt && stat -c '%a' a.txt
