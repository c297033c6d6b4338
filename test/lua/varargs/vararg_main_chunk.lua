-- checks: ... in the main chunk (no script arguments) and in nested loaded chunks
print(select("#", ...))
local chunk = load("return select('#', ...), ...")
print(chunk(1, 2, 3))
print(chunk())
