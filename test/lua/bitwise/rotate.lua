-- checks: 64-bit and 32-bit rotations built from shifts
local function rotl(x, n) n = n % 64; return (x << n) | (x >> (64 - n)) end
local function rotl32(x, n) x = x & 0xffffffff; return ((x << n) | (x >> (32 - n))) & 0xffffffff end
for n = 0, 64, 8 do print(n, string.format("%016x", rotl(0x0123456789abcdef, n))) end
for n = 0, 32, 4 do print(n, string.format("%08x", rotl32(0xdeadbeef, n))) end
