echo hi > out.txt; cat out.txt
#---
echo a > o; echo b >> o; cat o
#---
cat < a.txt
#---
cat nonexist 2>/dev/null; echo $?
#---
cat nonexist 2>&1; echo done
#---
{ echo out; echo err >&2; } 2>/dev/null
#---
{ echo out; echo err >&2; } > /dev/null
#---
{ echo out; echo err >&2; } &> both.txt; cat both.txt
#---
{ echo out; echo err >&2; } 2>&1 | cat
#---
echo x >&2
#---
cat <<EOF
line $HOME
  indented
EOF
#---
cat <<'EOF'
no $expansion here
EOF
#---
cat <<"EOF"
quoted "$x"
EOF
#---
cat <<-EOF
	tab stripped
	EOF
#---
x=val; cat <<EOF
x is $x, cmd $(echo sub), arith $((2+2))
EOF
#---
cat <<< "here string"
#---
read a <<< "from herestring"; echo $a
#---
cat <<A; cat <<B
first
A
second
B
#---
exec 3> fd3.txt; echo to3 >&3; exec 3>&-; cat fd3.txt
#---
echo data > f; exec 4< f; read line <&4; echo $line
#---
echo one > f; echo two >| f; cat f
#---
set -C; echo a > g; echo b > g; echo $?; cat g
#---
echo x 1>/dev/null; echo y
#---
ls nonexist 2>&1 >/dev/null | wc -l
#---
echo abc > f; wc -c < f
#---
echo hi > dir/new.txt; cat dir/new.txt
#---
echo x > nodir/file; echo $?
#---
echo x >> a.txt; cat a.txt
#---
exec > redirected.txt; echo hidden; exec >/dev/tty 2>/dev/null; cat redirected.txt >&2
#---
for i in 1 2 3; do echo $i; done > loop.txt; cat loop.txt
#---
if true; then echo inif; fi > if.txt; cat if.txt
#---
while read l; do echo "<$l>"; done < nums.txt
#---
echo "multi" > m1 > m2; cat m1; cat m2
#---
f() { echo in-func; } ; f > func.txt; cat func.txt
#---
cat < /dev/null; echo empty
#---
echo $(cat a.txt)
#---
echo "$(cat a.txt)"
#---
x=$(< a.txt); echo "$x"
#---
echo `echo backtick`
#---
echo $(echo $(echo nested))
#---
echo a |& cat
#---
cat <<EOF | wc -l
1
2
3
EOF
#---
echo foo 2>&1 1>&2 | cat
#---
echo redirect-first > r.txt && cat r.txt
#---
> empty-created; ls empty-created
#---
echo hi >/dev/stderr
