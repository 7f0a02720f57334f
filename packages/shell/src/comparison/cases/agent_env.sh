. /nonexistent/profile; echo "rc=$?"
#---
export PATH="$HOME/bin:$PATH"; echo "${PATH%%:*}"
#---
which bash sh; type -a echo | head -2; type bash
#---
printenv HOME USER; printenv NOPE; echo "rc=$?"
#---
env | grep -E '^(HOME|USER|LC_ALL)=' | sort
#---
echo $HOME $USER $LC_ALL $SHELL
#---
cd ~ && pwd; cd - >/dev/null; pwd
#---
ls ~ >/dev/null && echo home-ok
#---
echo ~root ~nobody_user_x
#---
mkdir -p ~/tmpdir_test && ls -d ~/tmpdir_test && rmdir ~/tmpdir_test
#---
unset HOME; cd; echo "rc=$?"
#---
export -p | grep -c 'declare -x'
#---
export -n USER; printenv USER; echo "rc=$?"
#---
set | grep -c '^HOME='
#---
declare -x | grep -c HOME
