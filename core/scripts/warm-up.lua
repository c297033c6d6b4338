-- Run once by the build (bundle-lua.mjs) so that the code cache it writes holds the engine
-- functions most scripts use: the compiler, the interpreter and its compiled tier, tables,
-- strings, closures, errors and coroutines.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t, s = {}, 0
for i = 1, 2000 do t[i] = i * 0.5; s = s + fib(i % 12) end
table.sort(t, function(a, b) return a > b end)
local parts = {}
for k, v in pairs({ a = 1, b = 2.5, c = "x" }) do parts[#parts + 1] = k .. "=" .. tostring(v) end
local obj = setmetatable({ n = 0 }, { __index = { inc = function(self) self.n = self.n + 1 end } })
for _ = 1, 1000 do obj:inc() end
local co = coroutine.wrap(function(a) while true do a = coroutine.yield(a + 1) end end)
for i = 1, 100 do co(i) end
local ok = pcall(error, { code = 1 })
local str = string.format("%d %s %5.2f %q", s, table.concat(parts, ","), t[1], "w")
str = str:upper():gsub("%d+", function(d) return "<" .. d .. ">" end):rep(2):sub(2, -2)
assert(not ok and #str > 0 and obj.n == 1000 and select("#", string.byte(str, 1, 3)) == 3)
