-- checks: load with a reader function returning pieces, nil, and empty strings
local parts = {"return ", "1 ", "+ ", "2", nil}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
local once = false
print(load(function() if once then return nil end once = true; return "return 'single'" end)())
local empty = load(function() return nil end)
print(type(empty), empty())
local fe = load(function() return "" end)
print(type(fe), fe())
print(pcall(load, function() return {} end))
