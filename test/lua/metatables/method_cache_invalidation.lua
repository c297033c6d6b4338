-- Method and field lookups through __index chains, repeated at the same instructions
-- while the chain changes under them: every change must be seen at once.

local Base = {}
Base.__index = Base
function Base:name() return "base" end
Base.kind = "b"

local Mid = setmetatable({}, { __index = Base })
Mid.__index = Mid

local Leaf = setmetatable({}, { __index = Mid })
Leaf.__index = Leaf

local objs = {
  setmetatable({}, Base),
  setmetatable({}, Mid),
  setmetatable({}, Leaf),
}

local function probe(round)
  local out = {}
  for i = 1, #objs do
    local o = objs[i]
    out[#out + 1] = o:name() .. "/" .. tostring(o.kind)
  end
  return round .. ": " .. table.concat(out, " ")
end

local function hot(round)
  local last
  for _ = 1, 300 do last = probe(round) end
  print(last)
end

hot("start")
function Mid:name() return "mid" end -- a new key shadows the base method
hot("mid method")
Leaf.kind = "l" -- a new field on the most derived class
hot("leaf kind")
Mid.name = nil -- removed again: the lookup continues to Base
hot("mid removed")
Mid.name = function() return "mid again" end -- the removed key comes back
hot("mid back")
Base.name = function() return "base 2" end -- a new value for an existing key
hot("base replaced")
getmetatable(Mid).__index = { name = function() return "other" end, kind = "o" } -- __index rewritten
hot("mid's __index")
setmetatable(Leaf, { __index = Base }) -- another metatable for an intermediate table
hot("leaf reparented")
rawset(Base, "kind", nil)
hot("rawset nil")
objs[2] = setmetatable({ name = function() return "own" end }, Mid) -- the receiver has the key
hot("own method")
Base.__index = function(_, k)
  if k == "name" then return function() return "fn" end end
  return "fn:" .. k
end -- a function handler ends the chain
hot("function handler")

-- more receiver metatables at one instruction than the cache holds
local classes = {}
for i = 1, 7 do
  local c = { id = i }
  c.__index = c
  function c.who(self) return self.tag .. i end
  classes[i] = c
end
local many = {}
for i = 1, 70 do many[i] = setmetatable({ tag = "t" }, classes[i % 7 + 1]) end
local function sum()
  local s = ""
  for i = 1, #many do s = s .. many[i]:who() .. many[i].id end
  return s
end
local first
for _ = 1, 100 do first = sum() end
print(#first, first:sub(1, 40))
classes[3].who = function() return "X" end
print(sum():sub(1, 60))
setmetatable(many[5], classes[1])
print(sum():sub(1, 60))

-- a chain through a table without a hash part, which gains one later
local Empty = {}
local E = setmetatable({}, { __index = Empty })
local function ask() return E.greet end
for _ = 1, 300 do ask() end
print(ask())
Empty.greet = "hello"
print(ask())
setmetatable(Empty, { __index = { greet2 = "via empty" } })
local function ask2() return E.greet2 end
for _ = 1, 300 do ask2() end
print(ask2())
getmetatable(Empty).__index = { greet2 = "changed" }
print(ask2())
