-- checks: a tiny stack-based language interpreter with variables, loops and procedures
local function run(src)
  local tokens = {}
  for tok in src:gmatch("%S+") do tokens[#tokens + 1] = tok end
  local stack, vars, out, procs = {}, {}, {}, {}
  local function push(v) stack[#stack + 1] = v end
  local function pop() local v = stack[#stack]; if v == nil then error("stack underflow") end stack[#stack] = nil; return v end
  local function exec(toks, i, stop)
    while i <= #toks do
      local t = toks[i]
      if t == stop then return i end
      local n = tonumber(t)
      if n then push(n)
      elseif t == "+" then local b, a = pop(), pop(); push(a + b)
      elseif t == "-" then local b, a = pop(), pop(); push(a - b)
      elseif t == "*" then local b, a = pop(), pop(); push(a * b)
      elseif t == "/" then local b, a = pop(), pop(); push(a // b)
      elseif t == "dup" then local a = pop(); push(a); push(a)
      elseif t == "swap" then local b, a = pop(), pop(); push(b); push(a)
      elseif t == "." then out[#out + 1] = tostring(pop())
      elseif t:sub(1, 1) == "!" then vars[t:sub(2)] = pop()
      elseif t:sub(1, 1) == "@" then push(vars[t:sub(2)] or 0)
      elseif t == "def" then
        local name = toks[i + 1]
        local body = {}
        i = i + 2
        while toks[i] ~= "end" do body[#body + 1] = toks[i]; i = i + 1 end
        procs[name] = body
      elseif t == "times" then
        local count = pop()
        local start = i + 1
        local finish
        for _ = 1, count do finish = exec(toks, start, "loop") end
        if count <= 0 then finish = start; while toks[finish] ~= "loop" do finish = finish + 1 end end
        i = finish
      elseif procs[t] then exec(procs[t], 1)
      else error("unknown word: " .. t) end
      i = i + 1
    end
    return i
  end
  local ok, e = pcall(exec, tokens, 1)
  return table.concat(out, " ") .. (ok and "" or (" [error: " .. e:gsub("^.-:%d+: ", "") .. "]"))
end
print(run("2 3 + 4 * ."))
print(run("1 !x 10 times @x . @x 2 * !x loop"))
print(run("def square dup * end 7 square . 12 square ."))
print(run("def fact !n 1 !acc @n times @acc @n * !acc @n 1 - !n loop @acc end 10 fact ."))
print(run("1 2 swap - . 100 7 / ."))
print(run("1 + ."))
print(run("5 frobnicate"))
