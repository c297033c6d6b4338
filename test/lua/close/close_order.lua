-- checks: <close> variables closed in reverse declaration order on normal exit
local log = {}
local function R(name) return setmetatable({}, {__close = function(o, e) log[#log + 1] = name .. "(" .. tostring(e) .. ")" end}) end
do
  local a <close> = R("a")
  local b <close> = R("b")
  local c <close> = R("c")
end
print(table.concat(log, " "))
