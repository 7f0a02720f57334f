if true; then echo yes; else echo no; fi
#---
if false; then echo 1; elif true; then echo 2; else echo 3; fi
#---
if false; then echo 1; fi; echo $?
#---
for i in a b c; do echo $i; done
#---
for i in; do echo never; done; echo done
#---
set -- p q; for a; do echo $a; done
#---
for i in 1 2 3 4 5; do if [ $i = 3 ]; then continue; fi; if [ $i = 5 ]; then break; fi; echo $i; done
#---
for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done
#---
for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done
#---
n=0; while [ $n -lt 3 ]; do echo $n; n=$((n+1)); done
#---
n=0; until [ $n -ge 2 ]; do echo u$n; n=$((n+1)); done
#---
case hello in h*) echo H;; *) echo other;; esac
#---
case x in a|b) echo ab;; x|y) echo xy;; esac
#---
case abc in a*) echo one;& b*) echo two;; c*) echo three;; esac
#---
case abc in a*) echo one;;& *c) echo two;;& x) echo three;; esac
#---
case "" in "") echo empty;; esac
#---
x=b; case $x in (a) echo A;; (b) echo B;; esac
#---
case 5 in [0-9]) echo digit;; esac
#---
case '*' in '*') echo star;; *) echo any;; esac
#---
f() { echo "in f $1"; }; f arg
#---
function g { echo g; }; g
#---
function h() { echo h; }; h
#---
f() { return 4; }; f; echo $?
#---
f() { local x=inner; echo $x; }; x=outer; f; echo $x
#---
f() { x=changed; }; x=orig; f; echo $x
#---
f() { local x; x=1; g; }; g() { echo "g sees $x"; }; x=0; f; echo $x
#---
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5
#---
f() { echo $FUNCNAME; }; f
#---
f() { echo args: "$@"; shift; echo now: "$@"; }; f 1 2 3
#---
{ echo a; echo b; } | wc -l
#---
(echo sub; exit 3); echo $?
#---
x=1; (x=2; echo $x); echo $x
#---
true && echo and; false || echo or; false && echo no; true || echo no2
#---
! true; echo $?; ! false; echo $?
#---
set -e; true; false; echo unreachable
#---
set -e; false || true; echo survived
#---
set -e; if false; then :; fi; echo ok
#---
set -e; f() { false; echo in-f; }; f; echo after
#---
set -e; x=$(false); echo after-subst
#---
set -e; false | true; echo pipe-ok
#---
set -o pipefail; false | true; echo $?
#---
set -e; ! false; echo negated
#---
set -u; echo $nope; echo after
#---
set -u; echo ${nope:-fine}
#---
exit 7
#---
echo before; exit; echo after
#---
(exit 3) || echo "sub failed $?"
#---
f() { exit 5; }; f; echo no
#---
return 2>/dev/null; echo status $?
#---
while true; do echo once; break; done
#---
i=0; while :; do i=$((i+1)); [ $i -gt 3 ] && break; done; echo $i
#---
for x in a b; do :; done; echo $x
#---
if [ -f a.txt ]; then echo file; fi; if [ -d dir ]; then echo dir; fi
#---
f() { echo $1; }; for w in x y; do f $w; done
#---
eval 'echo evaled; x=9'; echo $x
#---
cmd='echo a; echo b'; eval "$cmd"
#---
. ./script.sh arg1; echo $sv
#---
source script.sh; echo $sv
#---
trap 'echo bye' EXIT; echo hi
#---
trap 'echo trapped' EXIT; exit 3
#---
(trap 'echo sub-exit' EXIT; echo in-sub); echo out
#---
trap 'echo err at $?' ERR; false; echo next
#---
f() { echo f; }; unset -f f; f
#---
select_test() { echo ok; }; select_test
#---
x=1; { x=2; }; echo $x
#---
case $((1+1)) in 2) echo two;; esac
#---
if ! grep -q zzz a.txt; then echo notfound; fi
#---
while read -r line; do echo "got $line"; done < a.txt
#---
cat a.txt | while read w; do echo "w=$w"; done
#---
for i in $(seq 1 3); do echo n$i; done
#---
until false; do echo once; break; done
#---
f() { local -a arr=(1 2); echo ${#arr[@]}; }; f
#---
f() { return; }; false; f; echo $?
#---
g() { echo "depth"; }; f() { g; }; f
#---
set -e; x=$(false; echo still); echo "$x"
#---
f() { echo "${FUNCNAME[0]} ${FUNCNAME[1]}"; }; g() { f; }; g
#---
i=0; while [ $i -lt 3 ]; do i=$((i+1)); case $i in 2) continue;; esac; echo $i; done
