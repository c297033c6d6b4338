-- checks: method definitions with ':' and calls with explicit self
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({items = {}, size = 0}, Stack) end
function Stack:push(v) self.size = self.size + 1; self.items[self.size] = v; return self end
function Stack:pop() local v = self.items[self.size]; self.items[self.size] = nil; self.size = self.size - 1; return v end
local s = Stack.new():push(1):push(2):push(3)
print(s:pop(), Stack.pop(s), s.size)
local obj = {name = "obj"}
function obj.plain(x) return x end
function obj:meth(x) return self.name, x end
print(obj.plain(5), obj:meth(6), obj.meth(obj, 7))
