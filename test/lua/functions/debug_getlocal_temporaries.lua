-- checks: debug.getlocal/setlocal past the named locals report the frame's temporaries
-- below the called function as "(temporary)"; getupvalue/setupvalue out of range return nothing
local function show(level)
  local out = {}
  for i = 1, 12 do
    local n, v = debug.getlocal(level, i)
    if n == nil then break end
    out[#out + 1] = n .. "=" .. tostring(type(v) == "table" and "tbl" or type(v) == "function" and "fn" or v)
  end
  return table.concat(out, " ")
end
local function f(a, b)
  local c = a + b
  print("f", show(2), select("#", show(2)))
  return c
end
print(f(1, 2) + 1)
for k, v in pairs({ x = 1 }) do print("loop", k, v, show(2)) end
local mt = setmetatable({}, { __index = function(t, k) print("index", show(2)); return 1 end })
print(mt.foo + 2)
local function g(x)
  local y = x * 2
  -- temporary 3 holds `print`, about to be called: replacing it changes the call
  print(debug.setlocal(1, 3, function(...) io.write("wrapped ", select("#", ...), "\n") end), debug.setlocal(1, 40, 0))
  return y
end
print(g(4))
print(select("#", debug.getupvalue(f, 10)), select("#", debug.setupvalue(f, 10, 1)))
print(select("#", debug.getupvalue(function() end, 1)))
