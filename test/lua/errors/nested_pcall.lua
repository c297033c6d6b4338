-- checks: nested pcall/error propagation and re-throwing
local function inner() error("inner failure") end
local function middle()
  local ok, e = pcall(inner)
  error("middle caught [" .. e .. "]", 0)
end
print(pcall(middle))
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, {level = 1})
  e2.level = e2.level + 1
  error(e2)
end)
print(ok, e.level)
print(pcall(pcall, pcall, error, "deep"))
