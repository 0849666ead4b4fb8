#!/bin/sh
# no-screen.sh SRCDIR: the line mode never reaches for screen code: no file of src/plain includes
# curses, nor a header of src/ui or src/screens (its library is built without their include
# paths too; this names the file when one tries).
src=${1:?usage: no-screen.sh SRCDIR}
[ -d "$src/plain" ] && [ -d "$src/ui" ] || { echo "FAIL: $src/plain or $src/ui is missing"; exit 1; }
failed=0
for f in "$src"/plain/*.c "$src"/plain/*.h; do
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$f"); do
        case $inc in
        curses.h | ncurses.h | ncursesw/* | term.h) ;;
        *) [ -e "$src/ui/$(basename "$inc")" ] || [ -e "$src/screens/$(basename "$inc")" ] || continue ;;
        esac
        echo "FAIL: $f includes $inc: the line mode must not use curses or the screens' code"
        failed=1
    done
done
[ $failed = 0 ] && echo "ok: src/plain uses neither curses nor src/ui nor src/screens"
exit $failed
