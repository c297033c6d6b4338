-- checks: runtime error positions inside loaded chunks (line numbers)
local src = [[
local t = {}
local function f(x)
  return x.y.z
end
return f(t)
]]
print(pcall(load(src, "=multi")))
print(pcall(load(src, "@multi.lua")))
print(pcall(load(src)))
