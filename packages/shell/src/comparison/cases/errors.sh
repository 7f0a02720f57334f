nosuchcommand
#---
nosuchcommand; echo status $?
#---
./nonexist.sh; echo $?
#---
echo (
#---
echo "unterminated
#---
if true; then echo x
#---
fi
#---
for i in 1 2; echo $i; done
#---
echo a; echo )
#---
echo a
echo (
#---
case x in
#---
x=1; readonly x; x=2; echo never
#---
break; echo after-break
#---
echo ${x!}; echo after
#---
cd nonexist
#---
cat nofile
#---
a=(1 2); echo ${a[bad index]}
#---
f() { f; }; f 2>&1 | head -c 60; echo
#---
echo $((2 +)); echo after
#---
unset -v 1; echo $?
#---
declare -A m; m=(x y); echo ${#m[@]}
#---
echo ok; false
#---
exit 300
#---
exit -1
#---
exit abc
#---
local x=1
#---
shift abc
