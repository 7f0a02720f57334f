x=hello; echo ${#x} ${x:1:3} ${x: -2} ${x:2}
#---
x=hello; echo ${x^} ${x^^} ${x,,} ${x~}
#---
X=HELLO; echo ${X,} ${X,,}
#---
f=path/to/file.tar.gz; echo ${f#*/} ${f##*/} ${f%.*} ${f%%.*}
#---
s=aaa-bbb-aaa; echo ${s/aaa/X} ${s//aaa/X} ${s/#aaa/X} ${s/%aaa/X}
#---
s=hello; echo ${s/l} ${s//l} ${s/x/y}
#---
echo ${u:-default} ${u-dash} "${u:+alt}" end
#---
e=; echo "[${e:-d}]" "[${e-d}]" "[${e:+a}]" "[${e+a}]"
#---
echo ${v:=assigned}; echo $v
#---
unset q; echo ${q:?is missing}; echo after
#---
q=; echo ${q?unset only}; echo ok
#---
n=ref; ref=target; echo ${!n}
#---
pa=1 pb=2 pc=3; echo ${!p*}
#---
arr=(x y z); echo ${!arr[@]}
#---
x='*.txt'; echo $x; echo "$x"
#---
set -- a b c; echo $# $1 $3 "$*" "$@"
#---
set -- "a b" c; for i in "$@"; do echo "[$i]"; done; for i in $@; do echo "<$i>"; done
#---
set -- a b c; IFS=,; echo "$*"
#---
set -- 1 2 3 4 5; echo ${@:2:2} ${*:3}
#---
set -- a b; shift; echo $1 $#
#---
f() { echo $# "$1"; }; f; f ""; f a b
#---
x="a b c"; set -- $x; echo $#
#---
IFS=: ; x=a:b::c; for i in $x; do echo "[$i]"; done
#---
IFS=', '; x='a, b,c'; set -- $x; echo $# "$1" "$2" "$3"
#---
x='  lead  trail  '; set -- $x; echo $# "[$1]"
#---
echo $0
#---
true; echo $?; false; echo $?
#---
echo "${x:-$(echo cmd)}" "${y:-"quoted default"}"
#---
x=abc; echo "${x:1}" "${x::2}" "${x:10}"
#---
x=hello; echo ${x@Q} ${x@U}
#---
y=abc; echo ${y/b/'*'} "${y/b/\/}"
#---
s=a.b.c; echo ${s//./_}
#---
s=abcabc; echo ${s%b*} ${s%%b*} ${s#*b} ${s##*b}
#---
x=foo; echo ${x/#f/F} ${x/%o/O}
#---
unset a; echo ${#a} "${a:-x}"
#---
a=(one two three); echo ${#a} ${#a[1]} ${a[@]:1}
#---
a=(one two three); echo ${a[@]/o/0}
#---
a=(one two three); echo ${a[@]^}
#---
v=VALUE; echo ${v,,[AEIOU]}
#---
x=5; y=x; echo $((y + 1)) $(( $y * 2 ))
#---
echo $_; echo last; echo $_
