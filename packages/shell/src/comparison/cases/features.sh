printf '%(%Y-%m-%d)T\n' 0
#---
printf '[%(%H:%M)T]\n' 3600 7200
#---
TZ=UTC printf '%(%s)T\n' 86400
#---
printf '%20(%F)T|\n' 0
#---
printf '%(%Y)T\n' -1 | grep -c '^20'
