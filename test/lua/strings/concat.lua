-- checks: concatenation of strings and numbers, right associativity, errors
print("a" .. "b" .. "c", 1 .. 2, 1.5 .. "|", -0.0 .. "|", 2^63 .. "|", math.mininteger .. "")
local parts = {}
for i = 1, 10 do parts[#parts + 1] = i .. "" end
print(table.concat(parts))
local s = ""
for i = 1, 5 do s = s .. i .. "," end
print(s)
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() local t = true; return t .. "x" end))
print(pcall(function() return 1 .. false end))
