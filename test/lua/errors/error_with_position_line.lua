-- checks: error positions refer to the right line in multi-line functions
local function f(a)
  local b = a * 2
  local c = b + 1
  error("at line 5")
end
print(pcall(f, 1))
local function g(t)

  return t.x.y

end
print(pcall(g, {}))
