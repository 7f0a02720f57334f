expr 3 + 4; expr length hello; expr 10 \> 3
#---
expr 7 / 2; expr 7 % 3; expr 2 \* 3 + 1; expr \( 2 + 3 \) \* 4
#---
expr 5 - 5; echo "rc=$?"; expr '' ; echo "rc=$?"
#---
expr abc : 'a\(.*\)'; expr abcdef : 'abc'; expr abc : 'x'; echo "rc=$?"
#---
expr substr hello 2 3; expr index hello l; expr match abc 'a.'
#---
expr 1 / 0; echo "rc=$?"
#---
expr a + 1; echo "rc=$?"
#---
expr 1 +; echo "rc=$?"
#---
expr 1 2; echo "rc=$?"
#---
i=0; while [ $i -lt 3 ]; do i=`expr $i + 1`; done; echo $i
#---
expr abc = abc; expr abc \< abd; expr 10 \< 9; expr 0 \| 5; expr 3 \& 0
#---
printf 'abc\ndef\n' > c1; printf 'abc\ndxf\n' > c2; printf 'abc\n' > c3; cmp c1 c2; echo $?; cmp c1 c3; echo $?; cmp c3 c1; echo $?
#---
printf 'abc\ndef\n' > c1; printf 'abc\ndxf\n' > c2; cmp -s c1 c2; echo $?; cmp c1 nope; echo $?; cmp c1 c1; echo $?; cmp -l c1 c2; echo $?; printf '' > c4; cmp c4 c1; echo $?
#---
cat a.txt > copy.txt && cmp a.txt copy.txt && echo equal
#---
cmp -s a.txt b.txt || echo different
#---
printf 'abc\ndef\n' > c1; printf 'abc\ndxf\n' > c2; LC_ALL=C.UTF-8 cmp c1 c2
