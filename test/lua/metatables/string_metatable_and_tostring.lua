-- The string metatable carries lstrlib's arithmetic metamethods (callable directly), and
-- print, tostring and %s honour a __tostring given to strings or numbers.
print(pcall(function() return "10" // 0 end))
print(pcall(function() return 10 // 0 end))
print(pcall(function() return "10" % 0 end))
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} + "1" end))
print(pcall(function() return "1" + {} end))
print(pcall(function() return -"2" end))
print(pcall(function() return -"x" end))
local mt = getmetatable("")
local names = {}
for k in pairs(mt) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(mt.__add("1", "2"), mt.__unm("3"), mt.__div("1", 2), mt.__idiv("7", "2"), mt.__mod("7", 2.0), mt.__pow("2", "3"), mt.__sub(1, "1"), mt.__mul("0x10", 2))
print(pcall(mt.__add, "a", 1))
print(pcall(mt.__add, {}, 1))
print(pcall(mt.__add, 1, {}))
print(pcall(mt.__idiv, "1", 0))
print("abc", 1, 2.5)
debug.setmetatable(0, {__tostring = function(n) return "N" end})
print(tostring(5), string.format("%s", 5), string.format("%s", 1.5), string.format("%5s|", 7), 5)
debug.setmetatable(0, nil)
print(string.format("%s %s", 5, 1.5), 5)
getmetatable("").__tostring = function(s) return "S" end
print("abc")
print(tostring("abc"), (string.format("%s", "abc")), ("x"):rep(2))
getmetatable("").__tostring = nil
print("abc", string.format("%s", "abc"))
