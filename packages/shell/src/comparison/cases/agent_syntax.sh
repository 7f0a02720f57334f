echo "unterminated
#---
echo 'unterminated
#---
echo $(unclosed
#---
echo ${unclosed
#---
if true; then echo x; fi fi
#---
while true; do echo x; break
#---
for x in; do echo $x; done; echo ok
#---
case x in x) echo x;;
#---
echo a |
#---
echo a &&
#---
| echo a
#---
&& echo a
#---
;; 
#---
echo a;;
#---
fi
#---
done
#---
then echo
#---
{ echo a
#---
( echo a
#---
echo a )
#---
echo a }
#---
(( 1 + ))
#---
echo ${x:?}
#---
echo ${!}
#---
a b c=1 2>&1 | head -1
#---
echo ok; )
#---
if; then; fi
#---
for; do; done
#---
echo <
#---
echo > 
#---
cat < nonexistent_file
#---
echo hi > /
#---
echo hi >&3
#---
read < /nope
#---
x=1 y=2; echo $x$y; =bad
#---
1abc=5
#---
local x=1
#---
readonly r=1; r=2; echo "still"
#---
set -o nosuchopt
#---
shopt -s nosuchopt
#---
cd -; echo "rc=$?"
#---
cd ""; echo "rc=$?"; pwd
#---
export 1x=2; echo "rc=$?"
#---
unset 1x; echo "rc=$?"
#---
trap 'x' BADSIG; echo "rc=$?"
#---
exit abc; echo no
#---
exit 1 2; echo "rc=$?"
#---
return 5; echo "rc=$?"
#---
shift -1; echo "rc=$?"
#---
printf '%d\n' abc; echo "rc=$?"
#---
printf '%d %d\n' 1; printf
#---
let x=; echo "rc=$?"
#---
test 1 -gt; echo "rc=$?"
#---
[ 1 = 1 ; echo "rc=$?"
#---
[ a -lt b ]; echo "rc=$?"
#---
source; echo "rc=$?"
#---
eval 'if'; echo "rc=$?"
#---
type nope_command; echo "rc=$?"
#---
command nope_command; echo "rc=$?"
#---
getopts; echo "rc=$?"
#---
wait %1; echo "rc=$?"
#---
alias nope_alias; echo "rc=$?"
#---
unalias nope_alias; echo "rc=$?"
#---
hash nope_cmd; echo "rc=$?"
#---
pushd /nope; echo "rc=$?"
#---
popd; echo "rc=$?"
#---
cat <<EOF
no terminator
#---
cat <<EOF
#---
echo a
cat <<EOF
x
 EOF
#---
cat <<-END
	ok
	END
echo after
#---
set -u; echo $x
