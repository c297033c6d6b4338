-- checks: packing a record with mixed fields and unpacking it back
local fmt = "<I4 s1 d b z"
local rec = string.pack(fmt, 123456, "name", 2.5, -3, "tail")
print(#rec)
local a, b, c, d, e, nextpos = string.unpack(fmt, rec)
print(a, b, c, d, e, nextpos)
local fields = {string.unpack(">!2 h i8", string.pack(">!2 h i8", -5, 1 << 40))}
print(#fields, fields[1], fields[2], fields[3])
