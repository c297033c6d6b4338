-- The stack overflows where lua5.4's does: at 1,000,000 stack slots (LUAI_MAXSTACK), so a
-- small function recurses about 500,000 deep; the message handler of an overflow runs.
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(pcall(deep, 300000))
print(pcall(deep, 450000))
print(pcall(deep, 700000))
local function f() return f() + 1 end
print(select(2, xpcall(f, function(m) return "handled: " .. m end)))
local co = coroutine.wrap(function() return pcall(deep, 450000) end)
print(co())
