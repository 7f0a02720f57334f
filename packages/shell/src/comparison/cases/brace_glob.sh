echo {a,b,c}
#---
echo x{1,2}y
#---
echo {1..5} {5..1} {a..e} {01..10..3} {0..10..5}
#---
echo {a,b}{1,2}
#---
echo {a,{b,c}}d
#---
echo {a} {} a{b
#---
echo {1..3}{x,y}
#---
echo "{a,b}" '{1..3}'
#---
x=1; echo {$x,2}
#---
echo {z..w} {-2..2}
#---
echo *.txt
#---
echo ?.txt
#---
echo [ab].txt
#---
echo [!a]*.txt
#---
echo dir/*
#---
echo */*.txt
#---
echo nomatch*
#---
shopt -s nullglob; echo nomatch* end
#---
shopt -s failglob; echo nomatch*; echo after
#---
echo *
#---
shopt -s dotglob; echo *
#---
echo .h*
#---
shopt -s globstar; echo **/*.txt
#---
echo "*.txt"
#---
x='*.txt'; echo $x
#---
set -f; echo *.txt; set +f; echo *.csv
#---
for f in dir/*.txt; do echo "file: $f"; done
#---
echo d*/s*
#---
echo [[:alpha:]].txt
