-- checks: forward and backward goto, labels at block ends
local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 5 then goto top end
print()
goto skip
print("never printed")
::skip::
print("after skip")
do goto inner_end; print("skipped"); ::inner_end:: end
print("done")
