-- checks: shunting-yard infix to RPN conversion and evaluation with precedence/associativity
local prec = {["+"] = 1, ["-"] = 1, ["*"] = 2, ["/"] = 2, ["%"] = 2, ["^"] = 3}
local right = {["^"] = true}
local function to_rpn(expr)
  local out, ops = {}, {}
  local i = 1
  while i <= #expr do
    local c = expr:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then local n = expr:match("^%d+%.?%d*", i); out[#out + 1] = n; i = i + #n
    elseif prec[c] then
      while #ops > 0 and prec[ops[#ops]] and (prec[ops[#ops]] > prec[c] or (prec[ops[#ops]] == prec[c] and not right[c])) do out[#out + 1] = table.remove(ops) end
      ops[#ops + 1] = c; i = i + 1
    elseif c == "(" then ops[#ops + 1] = c; i = i + 1
    elseif c == ")" then
      while ops[#ops] ~= "(" do if #ops == 0 then error("mismatched parenthesis") end out[#out + 1] = table.remove(ops) end
      table.remove(ops); i = i + 1
    else error("bad character '" .. c .. "'") end
  end
  while #ops > 0 do local op = table.remove(ops); if op == "(" then error("mismatched parenthesis") end out[#out + 1] = op end
  return out
end
local function eval(rpn)
  local st = {}
  for _, t in ipairs(rpn) do
    if prec[t] then
      local b, a = table.remove(st), table.remove(st)
      if t == "+" then st[#st + 1] = a + b elseif t == "-" then st[#st + 1] = a - b elseif t == "*" then st[#st + 1] = a * b
      elseif t == "/" then st[#st + 1] = a / b elseif t == "%" then st[#st + 1] = a % b else st[#st + 1] = a ^ b end
    else st[#st + 1] = math.tointeger(tonumber(t)) or tonumber(t) end
  end
  return st[1]
end
for _, e in ipairs({"3 + 4 * 2", "(3 + 4) * 2", "2 ^ 3 ^ 2", "100 / 8 - 3 % 2", "1.5 * 4 + 0.25", "((1))", "7 - 2 - 1", "2 * (3 + 4", "5 $ 2"}) do
  local ok, rpn = pcall(to_rpn, e)
  if ok then print(e, "=>", table.concat(rpn, " "), "=", eval(rpn))
  else print(e, "=> error:", (rpn:gsub("^.-:%d+: ", ""))) end
end
