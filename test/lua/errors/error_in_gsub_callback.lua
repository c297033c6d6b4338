-- checks: errors inside callbacks called from C functions (gsub, sort) propagate
print(pcall(string.gsub, "abc", "%w", function(c) if c == "b" then error("bad char " .. c) end end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error({"sort error"}) end) == false)
local ok, e = pcall(table.sort, {3, 2, 1}, function(a, b) error({"sort error"}) end)
print(ok, e[1])
