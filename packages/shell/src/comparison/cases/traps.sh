trap "echo bye" EXIT
if
#---
trap 'echo "bye $?"' EXIT
echo start
fi
#---
trap 'echo trap-out; exit 9' EXIT; (exit 3)
#---
trap 'echo in-trap; false' EXIT; exit 4
#---
f() { trap 'echo func-exit' EXIT; }; f; echo body
#---
trap 'echo outer' EXIT; bash -c 'trap "echo inner" EXIT; echo child'; echo parent
#---
trap 'echo sub' EXIT; x=$(echo captured); echo "$x"
#---
trap 'cat <(echo from-procsub)' EXIT; echo main
