-- checks: native-size formats i, I, j, J, T, l, L, h, H, n round trip
local fmt = "<i I j J T l L h H n"
local vals = {-1, 4000000000, math.mininteger, -1, 42, -7, 9, -300, 60000, 0.25}
local p = string.pack(fmt, table.unpack(vals))
print(string.packsize(fmt) == #p)
print(string.unpack(fmt, p))
