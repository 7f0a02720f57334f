set -x; x='a b'; y=plain; z=; echo done
#---
set -x; a=(1 "two words" 3); echo ok
#---
set -x; ((i++)); (( i > 0 )); for ((j=0; j<2; j++)); do :; done; x="a b"; for f in $x "c d"; do :; done; case "$x" in *) ;; esac; set -- p; for a; do :; done
#---
set -x; (echo sub); x=$(echo a; y=$(echo b)); echo "$x" >/dev/null; f() { echo f; }; f; eval "echo ev"
#---
set -x; if [ -f a.txt ]; then echo yes; fi; while false; do :; done; echo "quoted arg" 'single' "it's"; : noop
#---
set -x; n=$((1+2)); echo $n; arr+=(x); s+=more
#---
x=5; set -x; [[ $x -eq 5 && -f a.txt ]]; [[ "a b" == a* ]]; [[ ! -z $x ]]; [[ $x ]]; [[ -n $x || -z y ]]; [[ x =~ ^x$ ]]
#---
set -x; f() { local v=$1; echo "$v"; }; f arg; g=$(f sub)
