-- checks: debug.getlocal/setlocal at level 0 (getlocal itself: its arguments are C
-- temporaries), getinfo's level argument as luaL_checkinteger reads it, the registry's
-- _LOADED and _PRELOAD tables
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
print(debug.setlocal(0, 1, 0))
print(pcall(debug.getinfo, "bad"))
print(debug.getinfo("1", "l").currentline)
print(pcall(debug.getinfo, {}))
local reg = debug.getregistry()
print(type(reg._LOADED), reg._LOADED == package.loaded, reg._PRELOAD == package.preload)
print(math.atan2 == nil or math.atan2(1, 1) == math.atan(1, 1))
