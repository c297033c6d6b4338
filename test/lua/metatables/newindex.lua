-- checks: __newindex as function and as table; only for absent keys
local log = {}
local t = setmetatable({existing = 1}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v and v * 2) end})
t.existing = 5
t.new = 10
t.new = 20
print(t.existing, t.new, table.concat(log, ","))
local store = {}
local p = setmetatable({}, {__newindex = store})
p.x = 1
print(rawget(p, "x"), store.x)
local chain2 = {}
local chain1 = setmetatable({}, {__newindex = chain2})
local top = setmetatable({}, {__newindex = chain1})
top.y = "deep"
print(rawget(top, "y"), rawget(chain1, "y"), chain2.y)
