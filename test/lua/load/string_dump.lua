-- string.dump and loading binary chunks: behaviour, not bytes (binary chunks differ by engine)

local function add1(a) return a + 1 end
local bin = string.dump(add1)
print(type(bin), bin:byte(1), bin:sub(2, 4))
local f = assert(load(bin))
print(f(41), f(1.5))

-- upvalues of a loaded binary function are fresh (nil); the first one gets the environment
local x, y = 10, 20
local function both() return x, y end
local g = load(string.dump(both))
print(g() == _ENV, select(2, g()))
print(debug.getupvalue(g, 1) == "x", select(2, debug.getupvalue(g, 1)) == _ENV, debug.getupvalue(g, 2))
debug.setupvalue(g, 2, "set")
print(select(2, g()))

-- a function using a global: _ENV is its first upvalue, bound by load
Z = 99
local function useZ() return Z end
print(load(string.dump(useZ))())
print(load(string.dump(useZ), "z", "b", { Z = "from env" })())

-- nested functions survive the round trip
local maker = load("return function(a) return function(b) return a * b end end")
local m = load(string.dump(maker))
print(m()(6)(7))

-- modes
print(load(bin, "t", "t"))
print((load(bin, "b", "b")) ~= nil)
print(load("return 1", "txt", "b"))

-- truncated chunks fail with a message that says so
local truncated = 0
for i = 1, #bin - 1, 7 do
  local ok, msg = load(bin:sub(1, i))
  if not ok and msg:find("truncated") then truncated = truncated + 1 end
end
print("truncated", truncated == math.ceil((#bin - 1) / 7))

-- no dump of natives
print(pcall(string.dump, print))
print(pcall(string.dump, 1))

-- stripped: no line information and no local names in messages
local s = load(string.dump(function(a) return a.x.y end, true))
print(pcall(s, {}))
local ok, msg = pcall(load(string.dump(function() error("boom") end, true)))
print(ok, msg)

-- a binary chunk read piece by piece through a reader function
local pos = 0
local r = load(function()
  pos = pos + 1
  return bin:sub(pos, pos)
end)
print(r(2))
