#!/bin/sh
# The watchdog of the servers a Tingvalla process starts (see watchdog.ts). That process holds this script's
# stdin open and writes "watch <pid> <signal>" and "unwatch <pid>" lines. The end of stdin means it is gone —
# stopped, crashed, or killed with SIGKILL — so every pid still watched gets its signal, and SIGKILL after
# $1 seconds (default 20) if it has not ended by then.
# Ctrl-C and a closed terminal are meant for the Tingvalla process, which stops its servers itself.
trap '' INT HUP

# Exists and has not ended: a zombie (ended, not yet collected by its parent) counts as ended.
running() {
  kill -0 "$1" 2>/dev/null || return 1
  case "$(cat "/proc/$1/stat" 2>/dev/null)" in *") Z "*) return 1 ;; esac
  return 0
}

watched=' '
while read -r verb pid signal; do
  case "$verb" in
    watch) watched="$watched$pid:$signal " ;;
    unwatch) watched=$(printf '%s' "$watched" | sed "s/ $pid:[A-Z]* / /") ;;
  esac
done

for entry in $watched; do kill -s "${entry#*:}" "${entry%%:*}" 2>/dev/null; done
grace=${1:-20}
while [ "$grace" -gt 0 ]; do
  left=''
  for entry in $watched; do running "${entry%%:*}" && left=yes; done
  [ -z "$left" ] && exit 0
  sleep 1
  grace=$((grace - 1))
done
for entry in $watched; do running "${entry%%:*}" && kill -s KILL "${entry%%:*}" 2>/dev/null; done
exit 0
