-- checks: error() with levels 0, 1, 2, 3 sets the reported position
local function lvl0() error("zero", 0) end
local function lvl1() error("one", 1) end
local function lvl2() error("two", 2) end
local function lvl3() error("three", 3) end
local function caller2() lvl2() end
local function caller3() lvl3() end
local function outer3() caller3() end
print(pcall(lvl0))
print(pcall(lvl1))
print(pcall(caller2))
print(pcall(outer3))
print(pcall(error))
print(pcall(error, "default level"))
print(pcall(error, "level 2 from pcall", 2))
