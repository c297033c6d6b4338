-- checks: recursive flattening of nested tables
local function flatten(t, out)
  out = out or {}
  for _, v in ipairs(t) do
    if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end
  end
  return out
end
print(table.concat(flatten({1, {2, {3, {4, {5}}}}, {{6}}, 7}), ","))
local deep = {0}
local cur = deep
for i = 1, 200 do local n = {i}; cur[2] = n; cur = n end
print(#flatten(deep))
