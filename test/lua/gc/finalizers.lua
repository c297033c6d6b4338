-- checks: __gc finalizers run by collectgarbage() for unreachable objects, newest first,
-- once each; objects marked only when __gc is present at setmetatable; resurrection; weak
-- values cleared before finalizers and weak keys kept; collectgarbage from a finalizer fails;
-- the remaining finalizers run at the end of the script (lua_close)
local log = {}
local function obj(name)
  return setmetatable({ name = name }, { __gc = function(o) log[#log + 1] = o.name end })
end
local keep = obj("kept")
obj("a"); obj("b"); obj("c")
collectgarbage()
print(table.concat(log, ","))
collectgarbage()
print(table.concat(log, ","))

-- __gc added after setmetatable does not mark the object
local mt = {}
setmetatable({}, mt)
mt.__gc = function() print("never") end
collectgarbage()

-- resurrection: weak values to the object are cleared first, weak keys stay
local wk = setmetatable({}, { __mode = "k" })
local wv = setmetatable({}, { __mode = "v" })
local saved
do
  local x = setmetatable({ tag = "x" }, { __gc = function(o) saved = o end })
  wk[x] = "key"
  wv[1] = x
end
collectgarbage()
print(saved and saved.tag, wv[1], wk[saved])
saved = nil
collectgarbage()
print(next(wk))

-- the collector is not reentrant
local res = true
setmetatable({}, { __gc = function() res = collectgarbage() end })
collectgarbage()
print(res)

-- a finalizer that allocates and makes more garbage
local count = 0
for i = 1, 20 do
  setmetatable({}, { __gc = function() count = count + 1; local t = { {}, {} } end })
end
collectgarbage()
print(count)

-- weak tables and collectgarbage("count")
local before = collectgarbage("count")
local big = {}
for i = 1, 20000 do big[i] = { i } end
local during = collectgarbage("count")
big = nil
collectgarbage()
print(during > before, collectgarbage("count") < during)

-- finalizers of objects still alive run at the end, newest first
setmetatable({}, { __gc = function() print("at exit: unreachable") end })
local last = setmetatable({}, { __gc = function() print("at exit: local") end })
_G.global = setmetatable({}, { __gc = function() print("at exit: global") end })
print("end of script", keep.name)
