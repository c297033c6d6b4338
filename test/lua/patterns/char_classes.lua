-- checks: every character class %a %c %d %g %l %p %s %u %w %x and their complements, over all bytes
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  local n1 = select(2, s:gsub("%" .. c, ""))
  local n2 = select(2, s:gsub("%" .. c:upper(), ""))
  local first = s:find("%" .. c)
  print(c, n1, n2, n1 + n2, first)
end
print(("a.b"):gsub("%.", "!"), ("100%"):gsub("%%", " percent"))
