-- checks: unary metamethods __unm and __bnot receive the operand twice
local seen = {}
local mt = {
  __unm = function(a, b) seen[#seen + 1] = tostring(rawequal(a, b)); return "neg" end,
  __bnot = function(a, b) seen[#seen + 1] = tostring(rawequal(a, b)); return "not" end,
}
local x = setmetatable({}, mt)
print(-x, ~x, table.concat(seen, ","))
