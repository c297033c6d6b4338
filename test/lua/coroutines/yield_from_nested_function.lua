-- checks: yield from a nested Lua function call chain inside the coroutine
local function level3() return coroutine.yield("from level3") end
local function level2() return "l2(" .. level3() .. ")" end
local function level1() return "l1(" .. level2() .. ")" end
local co = coroutine.wrap(level1)
print(co())
print(co("value"))
