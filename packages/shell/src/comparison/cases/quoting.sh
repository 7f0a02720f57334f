echo hello world
#---
echo "hello   world"
#---
echo 'single $HOME quoted'
#---
echo "double $HOME quoted"
#---
echo a\ b c\\d
#---
echo $'tab\there' $'nl\nx' $'\x41\101'
#---
echo "a\"b" 'c'"d"e
#---
echo "$" '$' \$ $
#---
echo ""; echo ''; echo "" x
#---
x='a  b'; echo $x; echo "$x"
#---
echo "it's" 'say "hi"'
#---
echo -n no-newline; echo
#---
echo -e 'a\tb\nc'
#---
echo -E 'a\tb'
#---
echo -e 'stop\chere'
#---
echo \#notcomment # comment
#---
echo a#b
#---
echo "line1
line2"
#---
echo one \
two
#---
echo $'it\'s'
#---
echo "\$x \`y\` \\ \a"
#---
x=5; echo "${x}th" "$x"th
#---
printf '%s\n' "$(echo "nested "quote"")"
#---
echo ~ ~/x "~" ~root
#---
a=~; echo $a
#---
echo \"\'
