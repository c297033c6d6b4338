-- checks: "attempt to compare" messages for mixed types
print(pcall(function() return 1 < nil end))
print(pcall(function() return {} < 1 end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return {} <= {} end))
print(pcall(function() return true > false end))
print(pcall(function() return print >= 1 end))
print(pcall(function() local a, b = 1, "2"; return a < b end))
print(1 == "1", {} == {}, nil == false)
