nosuchcommand; echo "rc=$?"
#---
nosuchcommand arg 2>/dev/null || echo "failed $?"
#---
cat missing.txt; echo "rc=$?"
#---
ls missing_dir; echo "rc=$?"
#---
cd missing_dir; echo "rc=$?"
#---
cd a.txt; echo "rc=$?"
#---
ls -z; echo "rc=$?"
#---
grep -Z; echo "rc=$?"
#---
sort --bogus a.txt; echo "rc=$?"
#---
head -n -1 a.txt
#---
cp; echo "rc=$?"
#---
cp a.txt; echo "rc=$?"
#---
mv nope.txt x.txt; echo "rc=$?"
#---
mkdir a.txt; echo "rc=$?"
#---
rmdir dir; echo "rc=$?"
#---
echo "unterminated
#---
if true; then echo x
#---
echo hi; done
#---
for i in 1 2; do echo $i
#---
case x in
#---
f() { echo unclosed
#---
echo $((1/0)); echo "rc=$?"
#---
echo $(( 2 + )); echo after
#---
x=$(exit 42); echo $?
#---
(exit 7); echo $?
#---
exit 300
#---
false | true | false; echo ${PIPESTATUS[@]}
#---
[ -f a.txt -a -f nope ]; echo $?
#---
[ 1 -eq ]; echo $?
#---
[[ 1 -eq x ]]; echo $?
#---
declare -i n; n=abc; echo "[$n]"
#---
touch /root/x 2>/dev/null; cat /proc/nothing 2>&1; echo "rc=$?"
#---
./a.txt; echo "rc=$?"
#---
./dir; echo "rc=$?"
#---
chmod +x a.txt; ./a.txt; echo "rc=$?"
#---
echo ok > /nonexistent/dir/file; echo "rc=$?"
#---
wc -l nope.txt a.txt; echo "rc=$?"
#---
head nope.txt; echo "rc=$?"
#---
tail -n 1 nope.txt a.txt; echo "rc=$?"
#---
sed 's/a/b' a.txt; echo "rc=$?"
#---
shift 5; echo "rc=$?"
#---
unset -f nofunc; echo "rc=$?"; local x=1; echo "rc=$?"
#---
return 2>/dev/null; echo "rc=$?"
#---
break; echo "rc=$?"
#---
kill %9; echo "rc=$?"
#---
wait 99999; echo "rc=$?"
#---
bad_func() { false; }; set -e; bad_func && echo no-exit; echo "still here"
