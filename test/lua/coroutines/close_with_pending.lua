-- checks: multiple to-be-closed variables in a closed coroutine run in reverse order
local log = {}
local function res(n) return setmetatable({}, {__close = function(_, e) log[#log + 1] = n .. ":" .. tostring(e) end}) end
local co = coroutine.create(function()
  local a <close> = res("a")
  local b <close> = res("b")
  do
    local c <close> = res("c")
    coroutine.yield()
  end
end)
coroutine.resume(co)
print(coroutine.close(co))
print(table.concat(log, " "))
