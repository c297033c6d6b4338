-- checks: mutually recursive non-tail functions (expression parser)
local expr, term, factor
local src, pos
local function peek() return src:sub(pos, pos) end
function factor()
  if peek() == "(" then pos = pos + 1; local v = expr(); pos = pos + 1; return v end
  local num = src:match("^%d+", pos); pos = pos + #num; return tonumber(num)
end
function term()
  local v = factor()
  while peek() == "*" or peek() == "/" do
    local op = peek(); pos = pos + 1
    local r = factor()
    if op == "*" then v = v * r else v = v // r end
  end
  return v
end
function expr()
  local v = term()
  while peek() == "+" or peek() == "-" do
    local op = peek(); pos = pos + 1
    local r = term()
    if op == "+" then v = v + r else v = v - r end
  end
  return v
end
for _, s in ipairs({"1+2*3", "(1+2)*3", "100/7-2", "2*(3+(4-1))*5", "((((((7))))))"}) do
  src, pos = s, 1
  print(s, expr())
end
