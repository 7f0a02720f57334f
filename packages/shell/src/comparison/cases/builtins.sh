printf '%s %s\n' a b c d
#---
printf '%d|%5d|%-5d|%05d\n' 42 42 42 42
#---
printf '%x %X %o %#x %#o\n' 255 255 8 255 8
#---
printf '%.2f %8.3f %-8.1f| %e %g %g\n' 3.14159 2.5 1.25 12345.678 0.0001 1234567
#---
printf '%s\n' "multiple" "args"
#---
printf '%c%c\n' hello world
#---
printf '%b\n' 'a\tb' 'c\nd'
#---
printf '%q\n' 'a b' "it's" ''
#---
printf '%%d\n'
#---
printf '%5s|%-5s|%.2s\n' ab ab abcdef
#---
printf '%*d|%-*d|\n' 5 1 4 2
#---
printf 'no newline'
#---
printf '%d\n' abc; echo $?
#---
printf '%d %d\n' "'A" 0x1f
#---
printf -v out '%03d' 7; echo $out
#---
printf '%s\n'
#---
printf '\x41\101\n'
#---
printf '%i %u\n' -5 5
#---
test 1 -eq 1 && echo eq; [ 2 -gt 1 ] && echo gt; [ a = a ] && echo streq
#---
[ -z "" ] && echo empty; [ -n x ] && echo nonempty
#---
[ -e a.txt ] && echo exists; [ -e nope ] || echo missing
#---
[ -f dir ] || echo notfile; [ -d dir ] && echo isdir
#---
[ -s a.txt ] && echo nonzero; [ -s empty.txt ] || echo zero
#---
[ a != b ] && echo ne; [ ! -f nope ] && echo notexists
#---
[ 1 -lt 2 -a 3 -gt 2 ] && echo both; [ 1 -gt 2 -o 3 -gt 2 ] && echo either
#---
[ \( 1 -eq 1 \) ] && echo paren
#---
[ abc ] && echo nonempty-string; [ "" ] || echo empty-string
#---
[ 1 -eq ]; echo $?
#---
[ a = a; echo $?
#---
test; echo $?
#---
[[ abc == a?c ]] && echo glob; [[ abc == "a?c" ]] || echo literal
#---
[[ abc =~ ^a(b)c$ ]] && echo ${BASH_REMATCH[0]} ${BASH_REMATCH[1]}
#---
[[ foo123 =~ [0-9]+ ]] && echo ${BASH_REMATCH[0]}
#---
re='^[a-z]+$'; [[ hello =~ $re ]] && echo matched
#---
[[ -f a.txt && ! -d a.txt ]] && echo ok
#---
[[ b > a ]] && echo greater; [[ 10 -gt 9 ]] && echo numgt
#---
[[ (1 -eq 1) || (1 -eq 2) ]] && echo group
#---
x=""; [[ -z $x ]] && echo unquoted-empty-ok
#---
[[ -v HOME ]] && echo set; [[ -v NOPE ]] || echo unset
#---
read x y <<< "a b c"; echo "$x|$y"
#---
read -r line <<< 'back\slash'; echo "$line"
#---
read line <<< 'back\slash'; echo "$line"
#---
IFS=: read a b c <<< "1:2:3"; echo $a $b $c
#---
read -d , first <<< "one,two"; echo $first
#---
read -n 3 chars <<< "abcdef"; echo $chars
#---
read; echo "[$REPLY]"
#---
echo "x y" | { read a b; echo $b; }
#---
read v < empty.txt; echo $? "[$v]"
#---
printf 'no-newline' | { read v; echo $? $v; }
#---
declare x=1; declare -p x
#---
declare -i i=5; i+=1; echo $i
#---
declare -l low=HeLLo; declare -u up=hello; echo $low $up
#---
declare -r ro=1; ro=2; echo after
#---
readonly r2=5; echo $r2; unset r2; echo $?
#---
export EX=1; bash_check=$(printenv EX); echo $bash_check
#---
X=temp printenv X; echo "[$X]"
#---
x=1; unset x; echo "[${x-unset}]"
#---
f() { :; }; declare -F f 2>/dev/null; type -t f
#---
type echo; type cd; type if
#---
type -t ls echo for
#---
command -v echo; command -v cd
#---
command echo via command
#---
alias ll='echo aliased'
ll
#---
alias greet='echo hi'; alias greet; unalias greet; alias greet
#---
cd dir && pwd && cd .. && pwd
#---
cd dir; cd sub; pwd; cd -; pwd
#---
cd /nonexistent; echo $?
#---
cd; pwd
#---
mkdir -p p/q; cd p/q; echo $PWD; cd ../..; echo $OLDPWD
#---
set -- a b c; shift 2; echo $@
#---
shift 5; echo $?
#---
set a b c; echo $2
#---
while getopts "ab:c" opt -a -b val -c; do echo "opt=$opt arg=${OPTARG-}"; done
#---
f() { while getopts ":x:" o; do case $o in x) echo "x=$OPTARG";; :) echo "missing $OPTARG";; \?) echo "bad $OPTARG";; esac; done; }; f -x 1 -y -x
#---
set -- -ab rest; while getopts ab o; do echo $o; done; shift $((OPTIND-1)); echo $@
#---
getopts "a" o -z; echo $? $o
#---
shopt -s nullglob; shopt nullglob; shopt -u nullglob; shopt -q nullglob; echo $?
#---
set -o | grep -E '^(errexit|nounset)'
#---
set -x; echo traced; set +x; echo untraced
#---
set -x; x=1; f() { :; }; f a "b c"
#---
umask 027; umask
#---
true; echo $?; false; echo $?; : ; echo $?
#---
echo $(( $(true; echo $?) + 1 ))
#---
eval "a=1; b=2"; echo $((a+b))
#---
x=$(exit 3); echo $?
#---
hash -r; echo $?
#---
pushd dir >/dev/null; pwd; popd >/dev/null; pwd
#---
let "v = 5 * 2"; echo $v
#---
echo $(printf '%s,' a b c)
#---
printf '%s=%s\n' k1 v1 k2
#---
printf '[%6.2f]\n' -3.14159
#---
printf '%s\n' "${undefined_var:-fallback}"
#---
kill -l 9; kill -l TERM
#---
sleep 0.1 & wait; echo waited
#---
(exit 4) & wait $!; echo $?
#---
echo bg & wait; echo fg
#---
jobs; echo none
#---
f() { echo a; if [ -n "$1" ]; then echo "x $1"; else echo no; fi; for i in 1 2; do echo $i; done; }; declare -f f
#---
g() { local v=1; echo $v; }; type g
#---
f() { echo "$@"; }; eval "$(declare -f f | sed 's/^f/h/')"; h copied
#---
declare -a arr=(1 2); declare -p arr; export -n arr 2>/dev/null; echo ok
