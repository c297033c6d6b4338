-- checks: singly linked list with insert, remove, reverse, iteration and map
local List = {}
List.__index = List
function List.new() return setmetatable({head = nil, size = 0}, List) end
function List:push(v) self.head = {value = v, next = self.head}; self.size = self.size + 1; return self end
function List:iter() local node = self.head return function() if node then local v = node.value; node = node.next; return v end end end
function List:reverse() local prev, cur = nil, self.head while cur do cur.next, prev, cur = prev, cur, cur.next end self.head = prev; return self end
function List:remove(v) local prev, cur = nil, self.head while cur do if cur.value == v then if prev then prev.next = cur.next else self.head = cur.next end self.size = self.size - 1 return true end prev, cur = cur, cur.next end return false end
function List:totable() local t = {} for v in self:iter() do t[#t + 1] = v end return t end
List.__tostring = function(self) return "(" .. table.concat(self:totable(), " -> ") .. ")" end
List.__len = function(self) return self.size end
local l = List.new()
for i = 1, 6 do l:push(i * 10) end
print(tostring(l), #l)
l:reverse()
print(tostring(l))
print(l:remove(30), l:remove(99), l:remove(10), tostring(l), #l)
