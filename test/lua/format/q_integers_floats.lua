-- checks: %q float formatting produces loadable, exact literals
local vals = {0.1, 1/3, 1e100, -1e-100, 123.0, math.pi, 12345678901234567}
for _, v in ipairs(vals) do
  local q = string.format("%q", v)
  local back = load("return " .. q)()
  print(q, back == v, math.type(back))
end
