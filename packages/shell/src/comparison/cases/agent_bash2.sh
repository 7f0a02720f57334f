content=$(<a.txt); echo "$content" | wc -l
#---
read -p "Enter: " ans <<< "yes"; echo "ans=$ans"
#---
arr=(a b c); unset 'arr[1]'; echo "${arr[@]} ${#arr[@]} ${!arr[@]}"
#---
declare -A m; m[x]=1; m[y]=2; for k in "${!m[@]}"; do echo "$k"; done | sort; [[ -v m[x] ]] && echo has-x
#---
echo "${arr[@]:-empty}"; set -u; echo "${arr[@]:-empty2}"
#---
x=5; echo $((x++)) $x $((++x)) $((x+=2)) $x
#---
case "Yes" in [yY]*) echo affirmative;; esac
#---
str=abc; echo ${str:1} ${str: -1} ${str:0:-1}
#---
printf '%s\n' {10..1..3}
#---
echo ~ ~/x; echo "~"
#---
IFS=: read -r a b c <<< "1:2:3"; echo "$c$b$a"
#---
wait -n 2>/dev/null; sleep 0.1 & sleep 0.2 & wait -n; echo first-done; wait
#---
jobs; sleep 0.1 & jobs; wait
#---
set -e; cmd_that_fails() { return 1; }; if cmd_that_fails; then echo yes; else echo no; fi; echo end
#---
set -e; x=$(false) || echo "subst failed"; echo end
#---
set -e; false || true; ! true; echo "still running"
#---
set -e; { false; echo in-group; }; echo after
#---
set -e; for i in 1 2; do false; done; echo after
#---
trap 'echo trapped INT' INT; kill -INT $$; echo after
#---
(set -e; false; echo no); echo "sub=$?"
#---
echo "a" > f1; echo "b" >> f1; cat f1; > f1; wc -c < f1
#---
set -C; echo x > a.txt; echo "rc=$?"; echo y >| a.txt; cat a.txt
#---
ls nope 2>/dev/null || ls nope2 2>&1 | sed 's/^/ERR: /'
#---
echo out; echo err >&2; { echo a; echo b >&2; } 2>&1 | sort
#---
exec 2>&1; ls nope
#---
printf 'x\n' | while read l; do v=$l; done; echo "v=${v:-lost}"
#---
echo $((RANDOM % 1)) ; echo $(( $(date +%s) > 0 ))
#---
s=$(printf '%s,' a b c); echo "${s%,}"
#---
echo "$(basename "$(pwd)")"
#---
eval "x=1; y=\$((x+1))"; echo $y; cmd='echo evaluated'; eval $cmd
#---
source nonexistent.sh; echo "rc=$?"
#---
. ./script.sh arg1; echo "sv=$sv"
#---
alias ls='ls -1'; ls dir | head -1
#---
echo $BASH_VERSION | cut -d. -f1
#---
echo ${BASH_VERSINFO[0]}
#---
echo $SHELL $0
#---
ulimit -n >/dev/null && echo ulimit-ok
#---
getconf PATH >/dev/null 2>&1 ; echo ok
#---
echo $HOSTNAME | wc -c >/dev/null; echo $UID $EUID
#---
printf '%s\n' "${@:-no args}"
#---
set -- "a b" c; for a; do echo "[$a]"; done; for a in "$@"; do echo "<$a>"; done; echo "$*"
#---
IFS=,; set -- x y; echo "$*"; unset IFS
#---
echo {a,b}{1,2}
#---
mkdir -p d/{a,b}/c && find d -type d | sort
#---
kill -0 $$ && echo alive
#---
echo "$(umask)"; touch newf; stat -c %a newf
