-- checks: splitting strings with patterns, including empty fields
local function split(s, sep)
  local out = {}
  for field in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = field end
  return out
end
for _, s in ipairs({"a,b,c", ",a,,b,", "", "single", "x,y"}) do
  local parts = split(s, ",")
  print(#parts, "[" .. table.concat(parts, "][") .. "]")
end
local p = split("1::2::3", "::")
print(#p, table.concat(p, "+"))
