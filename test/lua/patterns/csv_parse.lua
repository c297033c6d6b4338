-- checks: CSV parsing with quoted fields using find/match
local function parseCSV(line)
  local res = {}
  local pos = 1
  while true do
    if line:sub(pos, pos) == '"' then
      local txt = ""
      local c
      repeat
        local a, b = line:find('^%b""', pos)
        txt = txt .. line:sub(a + 1, b - 1)
        pos = b + 1
        c = line:sub(pos, pos)
        if c == '"' then txt = txt .. '"' end
      until c ~= '"'
      res[#res + 1] = txt
      pos = pos + 1
    else
      local a = line:find(",", pos, true)
      if a then res[#res + 1] = line:sub(pos, a - 1); pos = a + 1
      else res[#res + 1] = line:sub(pos); break end
    end
    if pos > #line + 1 then break end
  end
  return res
end
for _, l in ipairs({'a,b,c', '"x, y",2,"say ""hi"""', '1,,3', '"",end'}) do
  local r = parseCSV(l)
  print(#r, table.concat(r, "|"))
end
