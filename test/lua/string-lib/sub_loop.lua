-- checks: iterating a string with sub and byte gives consistent results
local s = "The quick brown fox"
local out, codes = {}, 0
for i = 1, #s do
  local c = s:sub(i, i)
  out[#out + 1] = c:byte() == s:byte(i) and c or "?"
  codes = codes + s:byte(i)
end
print(table.concat(out), codes)
local words = {}
local start = 1
for i = 1, #s + 1 do
  if i > #s or s:sub(i, i) == " " then words[#words + 1] = s:sub(start, i - 1); start = i + 1 end
end
print(#words, table.concat(words, "|"))
