-- checks: __close called on scope exit in reverse order with error argument
local function res(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err) end})
end
do
  local a <close> = res("a")
  local b <close> = res("b")
  print("body")
end
print(pcall(function()
  local c <close> = res("c")
  error("boom", 0)
end))
local function f()
  local d <close> = res("d")
  return "returned"
end
print(f())
