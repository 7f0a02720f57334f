shopt -s extglob
echo !(*.txt)
#---
shopt -s extglob
ls -d @(a|b).txt
#---
shopt -s extglob
f=file.tar.gz; echo ${f%%+(.gz|.tar)}; [[ abc == @(abc|def) ]] && echo m
#---
[[ abc == @(abc|def) ]] && echo m; [[ foo == !(bar) ]] && echo neg; [[ bar == !(bar) ]] || echo notneg
#---
shopt -s extglob
case hello.js in *.@(js|ts)) echo script;; *) echo other;; esac
#---
shopt -s extglob
x="   lead"; echo "[${x##+( )}]"
#---
shopt -s extglob
echo dir/!(*.log)
#---
shopt -s extglob
for f in *.@(csv|json); do echo "$f"; done
#---
shopt -s extglob
echo ?(a).txt *(x)a.txt
#---
echo "@(quoted)" '!(x)'
#---
shopt -s extglob
rm -f !(a.txt|b.txt); ls
#---
shopt -s extglob; [[ "v1.2.3" == v+([0-9]).+([0-9]).+([0-9]) ]] && echo semver
