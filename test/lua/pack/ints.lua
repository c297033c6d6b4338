-- checks: string.pack/unpack of integer formats with explicit endianness
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i1i2i4i8", 1, 2, 3, 4)))
print(hex(string.pack(">i1i2i4i8", 1, 2, 3, 4)))
print(hex(string.pack("<b<B<h<H", -1, 255, -2, 65535)))
print(hex(string.pack("<i3", -2)), hex(string.pack(">I3", 0x123456)))
print(string.unpack("<i2", "\xff\xff"), string.unpack("<I2", "\xff\xff"), string.unpack(">i4", "\x80\0\0\0"))
print(string.unpack("<j", string.pack("<j", math.mininteger)), string.unpack("<J", string.pack("<J", -1)))
print(hex(string.pack("<i16", -3)), string.unpack("<i16", string.pack("<i16", -3)))
print(string.unpack("<I16", string.pack("<I16", 12345)))
