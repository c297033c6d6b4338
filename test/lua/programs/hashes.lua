-- checks: CRC-32, Adler-32 and FNV-1a hashes computed with 64-bit integer bit operations
local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do if c & 1 == 1 then c = 0xEDB88320 ~ (c >> 1) else c = c >> 1 end end
  crc_table[i] = c
end
local function crc32(s)
  local c = 0xFFFFFFFF
  for i = 1, #s do c = crc_table[(c ~ s:byte(i)) & 0xFF] ~ (c >> 8) end
  return c ~ 0xFFFFFFFF
end
local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s do a = (a + s:byte(i)) % 65521; b = (b + a) % 65521 end
  return (b << 16) | a
end
local function fnv1a64(s)
  local h = -3750763034362895579
  for i = 1, #s do h = (h ~ s:byte(i)) * 1099511628211 end
  return h
end
for _, s in ipairs({"", "a", "abc", "The quick brown fox jumps over the lazy dog", string.rep("x", 1000)}) do
  print(string.format("%08x %08x %016x", crc32(s), adler32(s), fnv1a64(s)))
end
