-- checks: base64 encode/decode round trips including padding and binary data
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function encode(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    for j = 3, 0, -1 do
      local idx = (n >> (6 * j)) & 63
      out[#out + 1] = alphabet:sub(idx + 1, idx + 1)
    end
    if not b then out[#out] = "="; out[#out - 1] = "=" elseif not c then out[#out] = "=" end
  end
  return table.concat(out)
end
local rev = {}
for i = 1, #alphabet do rev[alphabet:sub(i, i)] = i - 1 end
local function decode(s)
  s = s:gsub("[^%w%+/=]", "")
  local out = {}
  for i = 1, #s, 4 do
    local n, pad = 0, 0
    for j = 0, 3 do
      local ch = s:sub(i + j, i + j)
      if ch == "=" then pad = pad + 1; n = n << 6 else n = (n << 6) | rev[ch] end
    end
    local bytes = string.char((n >> 16) & 255, (n >> 8) & 255, n & 255)
    out[#out + 1] = bytes:sub(1, 3 - pad)
  end
  return table.concat(out)
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "\0\1\2\255\254"}) do
  local e = encode(s)
  print(string.format("%-16s %-22s %s", string.format("%q", s), e, tostring(decode(e) == s)))
end
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local blob = table.concat(all)
print(#encode(blob), decode(encode(blob)) == blob)
