-- limits the compiler enforces: local variables, upvalues, registers

-- 200 local variables in scope, not 201
local function locals(n)
  local names = {}
  for i = 1, n do names[i] = "v" .. i end
  return "local " .. table.concat(names, ", ") .. " = 1\nreturn v1"
end
print(load(locals(200)) ~= nil)
print(load(locals(201)))
print(load("\nfunction foo ()\n  local " .. string.rep("a, ", 250) .. "b\n"))
-- scopes give their locals back
print(load(string.rep("do " .. locals(150):gsub("\nreturn v1", "") .. " end ", 3)) ~= nil)
-- parameters and loop control variables count
print(load("local function f(" .. string.rep("p, ", 150) .. "q) " .. locals(60):gsub("\nreturn v1", "") .. " end"))
print(load("for i = 1, 2 do " .. locals(196):gsub("\nreturn v1", "") .. " end") ~= nil)

-- upvalues: at most 255 per function
local function ups(n)
  local decl, uses = {}, {}
  for i = 1, n do
    decl[#decl + 1] = ("local u%d = %d"):format(i, i)
    uses[#uses + 1] = "u" .. i
  end
  -- locals in separate blocks of 150 so no function has more than 200 in scope
  return "return (function() " .. table.concat(decl, "; ", 1, math.min(n, 150)) ..
    " return (function() " .. table.concat(decl, "; ", math.min(n, 150) + 1, n) ..
    " return function() return " .. table.concat(uses, " + ") .. " end end)() end)()"
end
local f = assert(load(ups(255)))
print(f()())
local ok, msg = load(ups(256))
print(ok, msg and msg:find("too many upvalues (limit is 255)", 1, true) ~= nil)

-- long expression chains reuse registers
local chain = {}
for i = 1, 180 do chain[i] = "v" .. i end
local src = locals(180):gsub("= 1\n", "= " .. string.rep("1, ", 179) .. "1\n"):gsub("return v1", "return " .. table.concat(chain, " + "))
print(load(src)())
local longchain = "local a = 2 return " .. string.rep("a * ", 400) .. "1"
print(load(longchain)() == 2.0 ^ 400 or load(longchain)())
print(load("local s = 'x' return " .. string.rep("- ", 151) .. "#s")())
