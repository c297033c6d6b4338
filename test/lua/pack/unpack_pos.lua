-- checks: unpack position argument, returned next position, negative pos
local data = string.pack("<i2i2i2", 10, 20, 30)
print(string.unpack("<i2", data), string.unpack("<i2", data, 3), string.unpack("<i2", data, -2))
local pos, vals = 1, {}
while pos <= #data do
  local v
  v, pos = string.unpack("<i2", data, pos)
  vals[#vals + 1] = v
end
print(table.concat(vals, ","), pos)
print(pcall(string.unpack, "<i2", data, 6))
print(pcall(string.unpack, "<i2", data, 10))
print(pcall(string.unpack, "<i4", "ab"))
