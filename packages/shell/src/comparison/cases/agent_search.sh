grep -rn cat .
#---
grep -rn --include='*.txt' line . | sort
#---
grep -rl 'e' --include=*.txt . | sort
#---
grep -rn "x file" dir/
#---
grep -i APPLE a.txt
#---
grep -v an a.txt
#---
grep -c the words.txt
#---
grep -n -w cat words.txt
#---
grep -E 'a|o' b.txt
#---
grep -o 'a[a-z]*' a.txt
#---
grep -q banana a.txt && echo found
#---
grep nomatch a.txt; echo "rc=$?"
#---
grep foo missing.txt; echo "rc=$?"
#---
grep -r --exclude-dir=sub txt dir | sort
#---
find . -name '*.txt' | sort
#---
find . -type f -name '*.log'
#---
find . -type d | sort
#---
find dir -name '*.txt' -exec cat {} \;
#---
find dir -type f -exec wc -l {} + | sort
#---
find . -maxdepth 1 -type f -name '*.txt' | sort
#---
find . -name '*.txt' -print0 | xargs -0 wc -l | tail -1
#---
find . -name '*.csv' | xargs cat
#---
ls dir | xargs -n1 echo item:
#---
echo a b c | xargs -n 2
#---
printf '1\n2\n3\n' | xargs -I{} echo 'n={}'
#---
find . -empty -type f
#---
grep -rn 'deep' . --include='*.txt'
#---
find . -path ./dir -prune -o -name '*.txt' -print | sort
#---
grep -A1 banana a.txt
#---
grep -B1 -n cherry a.txt
#---
grep -e apple -e cherry a.txt
#---
find . -iname 'A.TXT'
#---
find dir -type f | while read -r f; do echo "$(basename "$f"): $(wc -c < "$f")"; done | sort
