-- checks: {...} and table.pack(...) with nils, and ipairs over them
local function f(...)
  local t = table.pack(...)
  local parts = {}
  for i = 1, t.n do parts[#parts + 1] = tostring(t[i]) end
  return t.n, table.concat(parts, ",")
end
print(f())
print(f(nil))
print(f(1, nil, nil))
print(f(false, "x", nil, 0))
