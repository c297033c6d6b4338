-- checks: substring by character index using utf8.offset
local function usub(s, i, j)
  local bi = utf8.offset(s, i)
  local bj = utf8.offset(s, j + 1)
  return s:sub(bi, (bj or #s + 1) - 1)
end
local s = "ñandú über straße"
print(usub(s, 1, 5), usub(s, 7, 10), usub(s, 12, 17), utf8.len(s))
