-- checks: __tostring and __name used by tostring and print
local t = setmetatable({}, {__tostring = function(self) return "<object>" end})
print(t, tostring(t))
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR"):gsub(": [%w]+$", ": ADDR")))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(function() return named < named end))
print(pcall(function() return named + 1 end))
print(string.format("%s", t))
