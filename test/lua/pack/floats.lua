-- checks: pack of f, d, n formats and round trips
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<d", 1.5)), hex(string.pack(">d", -2.0)), hex(string.pack("<f", 0.5)))
print(string.unpack("<f", string.pack("<f", 0.1)), string.unpack("<d", string.pack("<d", 0.1)))
print(string.unpack("<n", string.pack("<n", math.pi)), string.unpack("<d", string.pack("<d", 1/0)))
print(hex(string.pack(">f", 1/0)), hex(string.pack(">d", -0.0)))
print(string.unpack("<d", string.pack("<d", 3)), math.type((string.unpack("<d", string.pack("<d", 3)))))
