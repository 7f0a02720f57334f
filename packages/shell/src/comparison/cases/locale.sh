mkdir dir; echo $?
#---
LC_ALL=C.UTF-8 mkdir dir; echo $?
#---
export LC_ALL=C.UTF-8; mkdir dir a.txt
#---
unset LC_ALL; LANG=C.UTF-8 mkdir dir
#---
unset LC_ALL; LANG=en_US.UTF-8 LC_MESSAGES=C mkdir dir
#---
unset LC_ALL; mkdir dir
#---
LC_ALL=POSIX seq 1 2 3 4
#---
LC_ALL=C.UTF-8 seq 1 2 3 4
#---
LC_ALL=C.UTF-8 head -n x a.txt
#---
head -n x a.txt
#---
LC_ALL=C.UTF-8 cut -f 0 a.txt
#---
LC_ALL=C.UTF-8 ls nope
#---
LC_ALL=C.UTF-8 tr -d
#---
LC_ALL=C.UTF-8 sort -k 0 a.txt
#---
sort -k 0 a.txt
#---
LC_ALL=C.UTF-8 date -d garbage
#---
date -d garbage
#---
LC_ALL=C.UTF-8 find nope
#---
find nope
#---
LC_ALL=C.UTF-8 chmod
#---
LC_ALL=C.UTF-8 chmod 999 a.txt
#---
LC_ALL=C.UTF-8 comm a.txt
#---
LC_ALL=C.UTF-8 join a.txt
