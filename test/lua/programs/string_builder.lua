-- checks: building large strings with table buffers vs repeated concatenation
local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({parts = {}, n = 0}, Builder) end
function Builder:add(...) for i = 1, select("#", ...) do self.n = self.n + 1; self.parts[self.n] = tostring((select(i, ...))) end return self end
function Builder:line(fmt, ...) return self:add(string.format(fmt, ...), "\n") end
function Builder:build() return table.concat(self.parts, "", 1, self.n) end
local b = Builder.new()
for i = 1, 10 do b:line("%2d squared is %3d, cubed is %4d", i, i * i, i * i * i) end
b:add("done", " ", 1, " ", 2.5, " ", true)
local s = b:build()
print(s)
print(#s)
local slow = ""
for i = 1, 300 do slow = slow .. (i % 10) end
local fast = {}
for i = 1, 300 do fast[i] = i % 10 end
print(slow == table.concat(fast), #slow)
