-- checks: reversing a UTF-8 string by code points
local function ureverse(s)
  local cps = {}
  for _, c in utf8.codes(s) do table.insert(cps, 1, c) end
  return utf8.char(table.unpack(cps))
end
print(ureverse("héllo wörld"), ureverse("日本語"), ureverse(""))
print(utf8.len(ureverse("😀😁😂")))
