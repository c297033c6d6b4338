-- checks: string.sub with positive, negative, zero and out-of-range indices
local s = "abcdefgh"
local idx = {0, 1, 2, 4, 8, 9, 20, -1, -3, -8, -9, -20}
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do row[#row + 1] = "[" .. s:sub(i, j) .. "]" end
  print(i, table.concat(row))
end
print(s:sub(3), s:sub(-3), s:sub(0), ("").sub("", 1, 1))
print(s:sub(math.mininteger, math.maxinteger), s:sub(math.maxinteger), s:sub(2.0, 3.0))
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub))
