-- checks: event emitter with on/once/off, ordered listeners and error isolation
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(ev, fn) local list = self.handlers[ev] or {} self.handlers[ev] = list list[#list + 1] = {fn = fn} return fn end
function Emitter:once(ev, fn) local list = self.handlers[ev] or {} self.handlers[ev] = list list[#list + 1] = {fn = fn, once = true} end
function Emitter:off(ev, fn) local list = self.handlers[ev] or {} for i = #list, 1, -1 do if list[i].fn == fn then table.remove(list, i) end end end
function Emitter:emit(ev, ...)
  local list = self.handlers[ev]
  if not list then return 0 end
  local snapshot = {table.unpack(list)}
  local errors = {}
  for _, h in ipairs(snapshot) do
    if h.once then self:off(ev, h.fn) end
    local ok, e = pcall(h.fn, ...)
    if not ok then errors[#errors + 1] = (tostring(e):gsub("^.-:%d+: ", "")) end
  end
  return #snapshot, errors
end
local e = Emitter.new()
local log = {}
local h1 = e:on("data", function(x) log[#log + 1] = "h1:" .. x end)
e:on("data", function(x) if x == "bad" then error("handler failed on " .. x) end log[#log + 1] = "h2:" .. x end)
e:once("data", function(x) log[#log + 1] = "once:" .. x end)
local n1, errs1 = e:emit("data", "a")
print(n1, #errs1)
local n, errs = e:emit("data", "bad")
print(n, table.concat(errs, ";"))
e:off("data", h1)
print(e:emit("data", "c"), e:emit("none"))
print(table.concat(log, " "))
