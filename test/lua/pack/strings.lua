-- checks: pack formats s[n], z, c[n] and their unpacking
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<s1", "abc")), hex(string.pack("<s2", "hi")), hex(string.pack(">s4", "x")))
print(hex(string.pack("z", "hello")), hex(string.pack("c5", "ab")), hex(string.pack("c2", "ab")))
print(string.unpack("<s1", "\3abcXYZ"), string.unpack("z", "abc\0def\0"), string.unpack("c3", "xyzw"))
local p = string.pack("<s1zc4", "one", "two", "four")
print(#p, string.unpack("<s1zc4", p))
print(pcall(string.pack, "c2", "abc"))
print(pcall(string.pack, "z", "a\0b"))
print(pcall(string.pack, "s1", string.rep("x", 256)))
