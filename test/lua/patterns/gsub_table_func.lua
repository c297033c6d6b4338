-- checks: gsub with table and function replacements, false/nil keep original
local vars = {name = "Lua", version = "5.4", flag = false}
print(("$name $version $missing $flag"):gsub("%$(%w+)", vars))
print(("1 2 3 4"):gsub("%d", function(d) if d ~= "3" then return d * 10 end end))
print(("abc"):gsub("%w", function(c) return c:byte() end))
print(("a,b"):gsub("(%w)", {a = 1, b = 2.5}))
print(pcall(string.gsub, "abc", "%w", function() return {} end))
print(pcall(string.gsub, "abc", "%w", {a = {}}))
local count = 0
local r = ("aaa"):gsub("a", function() count = count + 1; return nil end)
print(r, count)
print(("hello"):gsub("(l)(l)", function(a, b) return b .. a .. "!" end))
print(("abc"):gsub("()", function(p) return p end))
