printf '%(%Y-%m-%d)T\n' 0
#---
printf '[%(%H:%M)T]\n' 3600 7200
#---
TZ=UTC printf '%(%s)T\n' 86400
#---
printf '%20(%F)T|\n' 0
#---
printf '%(%Y)T\n' -1 | grep -c '^20'
#---
{ time true; } 2>&1 | grep -c real
#---
TIMEFORMAT='took %R'; { time true; } 2>&1 | sed 's/[0-9.]*$/N/'
#---
TIMEFORMAT=; time true; echo quiet
#---
read -t abc x; echo "rc=$?"
#---
caller; echo "rc=$?"
#---
f() { caller 0 >/dev/null; echo "rc=$?"; }; f
#---
printf 'f() { caller; }\nf\n' > c.sh; bash c.sh
#---
echo x | read -t 0.5 v; echo "rc=$?"
#---
printf 'f() { caller 0; }\ng() { f; }\ng\n' > c.sh; bash c.sh
