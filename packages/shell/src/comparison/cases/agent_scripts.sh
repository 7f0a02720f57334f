printf 'echo start\nnosuchcmd\necho end\n' > s.sh; bash s.sh; echo "rc=$?"
#---
printf 'set -e\necho one\nfalse\necho two\n' > s.sh; bash s.sh; echo "rc=$?"
#---
printf 'echo one\nexit 4\necho two\n' > s.sh; chmod +x s.sh; ./s.sh; echo "rc=$?"
#---
printf 'if true; then\necho x\n' > bad.sh; bash bad.sh; echo "rc=$?"
#---
printf 'echo a\nfi\necho b\n' > bad.sh; bash bad.sh; echo "rc=$?"
#---
bash -c 'echo "$0 $1 $2"' name one two
#---
bash -c 'exit 3'; echo $?
#---
echo 'echo from-stdin $((2+3))' | bash
#---
bash -e -c 'false; echo no'; echo "rc=$?"
#---
x=local_only; export y=exported; bash -c 'echo "x=$x y=$y"'
#---
f() { echo f; }; bash -c 'f' 2>&1; echo "rc=$?"
#---
sh -c 'echo sh works'
#---
bash nosuchfile.sh; echo "rc=$?"
#---
printf 'echo "script args: $@"\necho "count: $#"\n' > s.sh && bash s.sh "a b" c
#---
printf 'cd dir\npwd\n' > s.sh; bash s.sh; pwd
#---
printf 'v=changed\n' > s.sh; v=orig; bash s.sh; echo $v; . ./s.sh; echo $v
#---
printf '#!/bin/bash\ntrap "echo script-exit" EXIT\necho body\n' > s.sh; chmod +x s.sh; ./s.sh; echo after
#---
printf 'echo $0\n' > s.sh; bash ./s.sh; bash s.sh
#---
printf 'read -r line\necho "got $line"\n' > s.sh; echo input | bash s.sh
#---
bash -x -c 'a=1; echo $a' 2>&1
#---
printf 'set -u\necho "$missing"\n' > s.sh; bash s.sh; echo "rc=$?"
#---
cat > build.sh <<'EOF2'
#!/usr/bin/env bash
set -euo pipefail
log() { echo "[build] $*"; }
log start
for f in a.txt b.txt; do
  log "processing $f ($(wc -l < "$f") lines)"
done
log done
EOF2
chmod +x build.sh && ./build.sh
#---
cat > check.sh <<'EOF2'
#!/bin/bash
if [ $# -lt 1 ]; then
  echo "usage: $0 <file>" >&2
  exit 2
fi
[ -f "$1" ] && echo "exists: $1" || { echo "missing: $1"; exit 1; }
EOF2
chmod +x check.sh; ./check.sh; echo "rc=$?"; ./check.sh a.txt; ./check.sh zz; echo "rc=$?"
#---
printf 'echo start\nnosuch\nif true; then\n' > s.sh && bash s.sh; echo "rc=$?"
#---
printf 'echo a\nif true; then' > s2.sh && bash s2.sh
#---
printf 'x=$(\n' > s4.sh; bash s4.sh
#---
printf 'echo ok\n)\necho after\n' > s5.sh; bash s5.sh; echo "rc=$?"
#---
printf 'for x in 1 2\ndo\necho $x\ndone\n' > s6.sh; bash s6.sh
#---
printf 'f() {\n  echo "in f: $1"\n}\nf hello\n' > s7.sh; bash s7.sh
#---
printf 'while read -r l; do echo "<$l>"; done\n' > s8.sh; printf 'x\ny\n' | bash s8.sh
#---
printf '#!/bin/bash\nsource ./lib.sh\nhelper\n' > main.sh; printf 'helper() { echo helped; }\n' > lib.sh; chmod +x main.sh; ./main.sh
#---
printf 'echo "$BASH_SOURCE ${BASH_SOURCE[0]}"\n' > s9.sh; bash s9.sh
#---
printf 'exit\n' > e.sh; bash e.sh; echo $?; false; bash e.sh; echo $?
#---
printf 'echo line $LINENO\necho line $LINENO\n' > l.sh; bash l.sh
