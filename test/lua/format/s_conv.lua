-- checks: %s with width, precision, and non-string values
print(string.format("[%s][%10s][%-10s][%.2s][%5.1s]", "abc", "abc", "abc", "abc", "abc"))
print(string.format("%s %s %s %s", 1, 1.5, true, nil))
print(string.format("%s", setmetatable({}, {__tostring = function() return "custom" end})))
print(string.format("%10s|", setmetatable({}, {__tostring = function() return "mt" end})))
print(string.format("%s|%s", "", "a\0b"):byte(1, -1))
print(pcall(string.format, "%s"))
print(pcall(string.format, "%10s", "a\0b"))
