-- checks: an error inside __close replaces the original error; other closes still run
local function R(name, fail) return setmetatable({}, {__close = function(_, e) print("closing", name, e); if fail then error(name .. " failed", 0) end end}) end
print(pcall(function()
  local a <close> = R("a")
  local b <close> = R("b", true)
  local c <close> = R("c")
  return "normal"
end))
print(pcall(function()
  local a <close> = R("a", true)
  local b <close> = R("b")
  error("original", 0)
end))
