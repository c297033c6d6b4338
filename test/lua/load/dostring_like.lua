-- checks: evaluating expressions with load and error handling (a tiny REPL)
local function eval(expr)
  local f, err = load("return " .. expr, "=expr")
  if not f then return "syntax: " .. err end
  local ok, res = pcall(f)
  if not ok then return "runtime: " .. res end
  return tostring(res)
end
for _, e in ipairs({"1 + 2", "2 ^ 10", "'a' .. 'b'", "#'hello'", "1 +", "nil + 1", "math.max(3, 9)", "{} == {}", "10 // 3"}) do
  print(e, "=>", eval(e))
end
