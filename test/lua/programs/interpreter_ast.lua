-- checks: parsing a small expression language into an AST and evaluating it with closures
local function parse(src)
  local toks = {}
  local i = 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then local n = src:match("^%d+", i); toks[#toks + 1] = {"num", tonumber(n)}; i = i + #n
    elseif c:match("%a") then local n = src:match("^%a+", i); toks[#toks + 1] = {"id", n}; i = i + #n
    else toks[#toks + 1] = {"op", c}; i = i + 1 end
  end
  local p = 1
  local function peek() return toks[p] end
  local function take() p = p + 1; return toks[p - 1] end
  local expr
  local function atom()
    local t = take()
    if not t then error("unexpected end") end
    if t[1] == "num" then return {"num", t[2]} end
    if t[1] == "id" then
      if t[2] == "let" then
        local name = take()[2]; take()
        local val = expr(); take()
        local body = expr()
        return {"let", name, val, body}
      end
      if peek() and peek()[2] == "(" then take(); local arg = expr(); take(); return {"call", t[2], arg} end
      return {"var", t[2]}
    end
    if t[2] == "(" then local e = expr(); take(); return e end
    if t[2] == "-" then return {"neg", atom()} end
    error("unexpected " .. tostring(t[2]))
  end
  local function term() local l = atom() while peek() and (peek()[2] == "*" or peek()[2] == "/") do local op = take()[2]; l = {op, l, atom()} end return l end
  function expr() local l = term() while peek() and (peek()[2] == "+" or peek()[2] == "-") do local op = take()[2]; l = {op, l, term()} end return l end
  local e = expr()
  if p <= #toks then error("trailing tokens") end
  return e
end
local builtins = {sq = function(x) return x * x end, half = function(x) return x // 2 end}
local function eval(node, env)
  local k = node[1]
  if k == "num" then return node[2]
  elseif k == "var" then local v = env[node[2]]; if v == nil then error("unbound " .. node[2]) end return v
  elseif k == "neg" then return -eval(node[2], env)
  elseif k == "let" then local e2 = setmetatable({[node[2]] = eval(node[3], env)}, {__index = env}); return eval(node[4], e2)
  elseif k == "call" then return builtins[node[2]](eval(node[3], env))
  elseif k == "+" then return eval(node[2], env) + eval(node[3], env)
  elseif k == "-" then return eval(node[2], env) - eval(node[3], env)
  elseif k == "*" then return eval(node[2], env) * eval(node[3], env)
  elseif k == "/" then return eval(node[2], env) // eval(node[3], env) end
end
local function show(n) if n[1] == "num" then return tostring(n[2]) elseif n[1] == "var" then return n[2] elseif n[1] == "neg" then return "(-" .. show(n[2]) .. ")"
  elseif n[1] == "let" then return "(let " .. n[2] .. "=" .. show(n[3]) .. " in " .. show(n[4]) .. ")" elseif n[1] == "call" then return n[2] .. "(" .. show(n[3]) .. ")"
  else return "(" .. show(n[2]) .. " " .. n[1] .. " " .. show(n[3]) .. ")" end end
for _, src in ipairs({"1 + 2 * 3", "let x = 5 in x * x - 1", "sq(3) + half(9)", "-(4 - 10) * 2", "let a = 2 in let b = a * 3 in b - a", "y + 1", "(1 + 2"}) do
  local ok, ast = pcall(parse, src)
  if not ok then print(src, "parse error:", (ast:gsub("^.-:%d+: ", "")))
  else
    local ok2, v = pcall(eval, ast, {})
    print(src, show(ast), ok2 and v or ("eval error: " .. v:gsub("^.-:%d+: ", "")))
  end
end
