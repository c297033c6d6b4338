-- checks: strings converted to numbers in arithmetic keep integer/float kind
local cases = {"10", "10.0", "0x1F", "1e3", "  7  ", "-3", "+4", "0", "-0", ".5", "3."}
for _, s in ipairs(cases) do
  local v = s + 0
  print(string.format("%q", s), v, math.type(v), s * 1, s // 1)
end
print(pcall(function() return "1 2" + 0 end))
print(pcall(function() return "" + 0 end))
print(pcall(function() return "0x" + 0 end))
