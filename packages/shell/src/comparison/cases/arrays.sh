a=(1 2 3); echo ${a[0]} ${a[2]} ${#a[@]}
#---
a=(x y); a+=(z); echo "${a[@]}"
#---
a[5]=five; a[1]=one; echo ${#a[@]} ${!a[@]} ${a[@]}
#---
a=(1 2 3); unset 'a[1]'; echo ${#a[@]} ${a[@]} ${!a[@]}
#---
declare -A m; m[one]=1; m[two]=2; echo ${m[one]} ${m[two]} ${#m[@]}
#---
declare -A m=([k1]=v1 [k2]=v2); for k in "${!m[@]}"; do echo $k=${m[$k]}; done | sort
#---
a=("with space" b); for x in "${a[@]}"; do echo "[$x]"; done
#---
a=("with space" b); for x in ${a[@]}; do echo "[$x]"; done
#---
a=(a b c); echo "${a[*]}"; IFS=-; echo "${a[*]}"
#---
a=(3 1 2); echo ${a[-1]}
#---
a=([2]=two [0]=zero); echo ${a[@]}
#---
a=(x); a[3]=y; echo ${#a[@]} ${a[@]}
#---
declare -a arr; arr=(p q); echo ${arr[1]}
#---
a=(1 2 3); b=("${a[@]}"); b[0]=9; echo ${a[0]} ${b[0]}
#---
a=(one two three); echo ${a[@]:1:1}
#---
read -a parts <<< "x y z"; echo ${parts[1]} ${#parts[@]}
#---
a=(); echo ${#a[@]}; a+=(new); echo ${a[0]}
#---
s="a b c"; a=($s); echo ${#a[@]}
#---
a=(1 2); a[1]+=0; echo ${a[@]}
#---
declare -A h; h[x]=1; unset 'h[x]'; echo ${#h[@]}
#---
a=(z y x); for i in "${!a[@]}"; do echo "$i:${a[$i]}"; done
#---
declare -p a 2>/dev/null; a=(1 2); declare -p a
#---
declare -A m=([a]=1); declare -p m
#---
a=(f*.txt *.csv); echo ${a[@]}
#---
a=(1 2 3); echo $a
#---
x=(10 20); x=5; echo ${x[@]}
#---
a=(a b c d e); echo ${a[@]: -2}
#---
arr=(1 2 3); arr[${#arr[@]}]=4; echo ${arr[@]}
#---
f() { local -A loc=([k]=v); echo ${loc[k]}; }; f
#---
a=(x y); echo "${#a[@]} ${#a}"
