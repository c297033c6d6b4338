-- checks: nested tables, deep indexing and structural printing
local t = {a = {b = {c = {d = "deep"}}}, list = {{1, 2}, {3, {4, 5}}}}
print(t.a.b.c.d, t["a"]["b"].c["d"], t.list[2][2][2], #t.list, #t.list[2])
local function dump(v, indent)
  indent = indent or ""
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = indent .. "  " .. tostring(k) .. " = " .. dump(v[k], indent .. "  ") end
  return "{\n" .. table.concat(out, "\n") .. "\n" .. indent .. "}"
end
print(dump(t))
