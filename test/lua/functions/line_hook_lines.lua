-- checks: the lines a line hook sees follow PUC-Rio's code layout for statements: the final
-- return on the chunk's last line of code, a closure on its 'end' line, the test of an if
-- condition on its 'then' line, jumps after a block on the block's last line
local function test(s)
  local l = {}
  local function f(event, line) l[#l + 1] = line end
  debug.sethook(f, "l"); load(s)(); debug.sethook()
  print(table.concat(l, ","))
end
test("if\nmath.sin(1)\nthen\n  a=1\nelse\n  a=2\nend\n")
test("local function foo()\nend\nfoo()\nA = 1\nA = 2\nA = 3\n")
test("--[[\n]]\nx = 1\nwhile x < 3 do\n  x = x + 1\nend\n")
test("a = 1\nrepeat\n  a = a + 1\nuntil a == 3\n")
test("for i = 1, 3 do\n  a = i\nend\n")
test("local a = {}\nfor k, v in ipairs({1,2}) do\n  a[k] = v\nend\n")
test("local x = 1\nif x > 0 then x = 2\nelseif x < 0 then x = 3 end\nreturn x\n")
test("a=1\n\n\nb=2\n")
test("do return end\n")
test("local function f(x)\n  return x\nend\nf(1)\nf(2)\n")
test("while a do\n  a = nil\nend\n")
test("if a then\nelseif b then\n  b = 1\nelse\nend\n")
a, b, x, A = nil, nil, nil, nil
-- a line hook set by a call hook sees the called function's first line
local seen
local function target(x) local y = x * 2; return y end
debug.sethook(function()
  debug.sethook(function(_, line) seen = seen or line; debug.sethook() end, "l")
end, "c")
target(1)
debug.sethook()
print(seen)
