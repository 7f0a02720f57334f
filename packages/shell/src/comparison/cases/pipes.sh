echo hello | cat
#---
echo hello | tr a-z A-Z
#---
printf '3\n1\n2\n' | sort
#---
printf 'a\nb\na\n' | sort | uniq -c
#---
cat a.txt | head -1
#---
cat a.txt | tail -1
#---
yes | head -3
#---
seq 1 100000 | head -2
#---
echo a b c | wc -w
#---
false | true; echo $? ${PIPESTATUS[@]}
#---
true | false; echo $?
#---
(exit 3) | (exit 4); echo ${PIPESTATUS[0]} ${PIPESTATUS[1]}
#---
x=1; echo 5 | read x; echo $x
#---
echo a | { cat; echo b; }
#---
for i in 1 2 3; do echo $i; done | tac
#---
cat a.txt | grep an | wc -l
#---
echo abc | rev
#---
seq 5 | paste -sd+
#---
seq 3 | while read n; do echo $((n*n)); done
#---
printf 'x\ny\n' | cat -n
#---
echo one two | awk '{print $2}'
#---
cat data.csv | cut -d, -f1 | tail -n +2
#---
echo hi | tee copy.txt; cat copy.txt
#---
seq 10 | xargs echo
#---
printf 'a\nb\n' | xargs -I{} echo item-{}
#---
ls dir | sort
#---
echo "a:b:c" | tr ':' '\n' | sort -r
#---
! echo x | grep -q y; echo $?
