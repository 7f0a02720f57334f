f() { local -n ref=$1; ref=changed; }; v=orig; f v; echo $v
#---
declare -n r=target; target=hello; echo "$r"; r=world; echo "$target"; declare -p r
#---
add_item() { local -n arr=$1; arr+=("$2"); }; list=(a); add_item list b; add_item list c; echo "${list[@]} ${#list[@]}"
#---
setmap() { local -n m=$1; m[key]=val; }; declare -A cfg; setmap cfg; echo "${cfg[key]}"
#---
get_len() { local -n s=$1; echo ${#s}; }; word=hello; get_len word
#---
declare -n bad=1x; echo "rc=$?"
#---
x=1; declare -n y=x; unset y; echo "${x:-unset}"; declare -n z=x; x=2; unset -n z; echo "$x ${z:-noz}"
#---
sum() { local -n nums=$1; local t=0; for n in "${nums[@]}"; do ((t+=n)); done; echo $t; }; a=(1 2 3); sum a
#---
ret() { local -n out=$1; out=$(( 6 * 7 )); }; ret answer; echo "$answer"
