-- checks: table library functions honor __index/__newindex/__len
local log = {}
local backing = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v); backing[k] = v end,
  __len = function() return #backing end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(log, " "), #proxy, table.concat(proxy, ","))
print(table.remove(proxy), #proxy)
print(table.unpack(proxy))
