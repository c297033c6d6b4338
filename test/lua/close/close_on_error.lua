-- checks: <close> variables receive the error object when a scope exits by error
local function R(name) return setmetatable({}, {__close = function(o, e) print("close", name, type(e) == "table" and e.msg or e) end}) end
print(pcall(function()
  local a <close> = R("a")
  local b <close> = R("b")
  error("failure", 0)
end))
print(pcall(function()
  local t <close> = R("t")
  error({msg = "table error"})
end) == false)
