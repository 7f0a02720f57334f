mkdir -p proj/src proj/tests && ls -R proj
#---
mkdir -p app/{src,lib,bin} && ls app
#---
cat > hello.sh <<'EOF2'
#!/bin/bash
echo "Hello, $1!"
EOF2
chmod +x hello.sh && ./hello.sh World
#---
cat > greet.sh << 'EOF2'
#!/usr/bin/env bash
set -euo pipefail
name="${1:-nobody}"
printf 'Hi %s\n' "$name"
EOF2
chmod +x greet.sh; ./greet.sh; ./greet.sh Ada; echo "rc=$?"
#---
cat > config.json <<EOF2
{"name": "demo", "version": "1.0.$((1+1))", "home": "$HOME"}
EOF2
cat config.json
#---
mkdir -p src && cat > src/main.py <<'EOF2'
def main():
    print("hi")
EOF2
wc -l src/main.py && head -1 src/main.py
#---
touch README.md && ls -la README.md | awk '{print $1, $5, $NF}'
#---
printf '%s\n' 'line one' 'line two' > notes.txt && cat -n notes.txt
#---
echo 'export PATH=$PATH:/opt/bin' >> .bashrc_test && cat .bashrc_test
#---
./missing_script.sh; echo "rc=$?"
#---
printf 'echo run\n' > noexec.sh; ./noexec.sh; echo "rc=$?"
#---
printf 'echo ran via bash $0\n' > s.sh; bash s.sh
#---
printf 'echo "args: $# $*"\n' > s.sh; bash s.sh a b c
#---
printf '#!/bin/sh\necho sh-script\n' > t.sh && chmod 755 t.sh && ./t.sh && stat -c '%a' t.sh
#---
mkdir -p a/b/c && touch a/b/c/file.txt && find a -type f
#---
mkdir existing_dir_test && mkdir -p existing_dir_test && echo ok
#---
cp -r dir dir_copy && find dir_copy | sort
#---
mv a.txt renamed.txt && ls *.txt
#---
rm -rf dir && ls
#---
rm nope.txt; echo "rc=$?"
#---
rm -f nope.txt; echo "rc=$?"
#---
ln -s a.txt link.txt && cat link.txt && readlink link.txt
#---
cat > Makefile <<'EOF2'
all:
	echo building
EOF2
grep -c '	' Makefile
#---
cat <<EOF2 > vars.txt
user=$USER
home_base=${HOME##*/}
EOF2
cat vars.txt
#---
mkdir -p out; for i in 1 2 3; do echo "file $i" > out/f$i.txt; done; ls out; cat out/f2.txt
