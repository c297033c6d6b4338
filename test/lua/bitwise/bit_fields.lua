-- checks: packing/unpacking fields into an integer with shifts and masks
local function pack(r, g, b, a) return (r << 24) | (g << 16) | (b << 8) | a end
local function unpack(c) return (c >> 24) & 0xff, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff end
local c = pack(0x12, 0x34, 0x56, 0x78)
print(c, string.format("0x%08x", c), unpack(c))
local flags = 0
for _, bit in ipairs({0, 3, 5, 63}) do flags = flags | (1 << bit) end
print(flags, flags & (1 << 3) ~= 0, flags & (1 << 4) ~= 0, flags < 0)
flags = flags & ~(1 << 63)
print(flags)
