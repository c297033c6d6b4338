-- checks: hex literals and masking, formatting with %x
local v = 0x123456789abcdef0
print(string.format("%x %x %x %x", v & 0xffff, (v >> 16) & 0xffff, (v >> 32) & 0xffff, v >> 48))
print(string.format("%016x", v), string.format("%X", ~v))
print(0xff & ~0x0f, 0xf0 | 0x0f, 0xff ~ 0xaa)
print(string.format("%x", -1), string.format("%x", math.mininteger))
