ls
#---
ls -a
#---
ls dir
#---
ls -1 dir/sub
#---
ls -d dir
#---
ls nope; echo $?
#---
ls -R dir
#---
mkdir newdir; ls -d newdir
#---
mkdir -p x/y/z; ls x/y
#---
mkdir dir; echo $?
#---
touch t.txt; ls t.txt
#---
cp a.txt c.txt; cat c.txt
#---
cp -r dir dir2; ls dir2
#---
mv a.txt moved.txt; ls moved.txt; ls a.txt 2>/dev/null || echo gone
#---
rm a.txt; ls a.txt 2>&1 | head -c 0; echo $?
#---
rm -r dir; ls -d dir 2>/dev/null || echo removed
#---
rm nope; echo $?
#---
rm -f nope; echo $?
#---
rmdir dir/sub; echo $?
#---
mkdir e; rmdir e; echo $?
#---
ln -s a.txt link; cat link; readlink link
#---
ln a.txt hard; cat hard
#---
find dir -name '*.txt' | sort
#---
find dir -type d | sort
#---
find . -name z.txt
#---
find dir -type f | wc -l
#---
find dir -maxdepth 1 | sort
#---
basename /a/b/c.txt; basename /a/b/c.txt .txt
#---
dirname /a/b/c.txt; dirname file
#---
chmod +x script.sh; [ -x script.sh ] && echo executable
#---
chmod 600 a.txt; stat -c %a a.txt
#---
stat -c '%s %n' a.txt
#---
realpath dir/../a.txt
#---
cd dir; realpath x.txt
#---
[ -L a.txt ] || echo notlink
#---
touch new; [ -e new ] && echo created
#---
echo content > f1; cp f1 f2; cmp f1 f2 2>/dev/null; diff f1 f2 && echo same
#---
tar -cf arch.tar dir 2>/dev/null && tar -tf arch.tar | sort
#---
du -s dir 2>/dev/null | cut -f2 || echo no-du
#---
mktemp -d 2>/dev/null | grep -c tmp
#---
env | grep -c '^PATH='
#---
printenv HOME
#---
which ls 2>/dev/null >/dev/null; echo $?
#---
pwd
#---
cd dir/sub && pwd
#---
find . -name '*.log'
#---
ls *.txt
#---
cat dir/*.txt
#---
wc -l dir/*
#---
head -q -n1 a.txt b.txt
#---
find dir -name '*.txt' -exec cat {} \;
#---
ls -a dir
