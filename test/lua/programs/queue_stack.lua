-- checks: deque with O(1) push/pop at both ends, used as queue and stack
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1, items = {}}, Deque) end
function Deque:push_back(v) self.last = self.last + 1; self.items[self.last] = v end
function Deque:push_front(v) self.first = self.first - 1; self.items[self.first] = v end
function Deque:pop_front() if self.first > self.last then return nil end local v = self.items[self.first]; self.items[self.first] = nil; self.first = self.first + 1; return v end
function Deque:pop_back() if self.first > self.last then return nil end local v = self.items[self.last]; self.items[self.last] = nil; self.last = self.last - 1; return v end
function Deque:size() return self.last - self.first + 1 end
Deque.__len = Deque.size
local d = Deque.new()
for i = 1, 5 do d:push_back(i) end
for i = 1, 3 do d:push_front(-i) end
print(#d, d:pop_front(), d:pop_back(), d:pop_front(), #d)
local out = {}
while #d > 0 do out[#out + 1] = d:pop_front() end
print(table.concat(out, " "), d:pop_front(), d:pop_back())
local q = Deque.new()
for i = 1, 100000 do q:push_back(i) end
local sum = 0
while #q > 0 do sum = sum + q:pop_front() end
print(sum)
local function balanced(s)
  local st = Deque.new()
  local pairs_ = {[")"] = "(", ["]"] = "[", ["}"] = "{"}
  for c in s:gmatch(".") do
    if c == "(" or c == "[" or c == "{" then st:push_back(c)
    elseif pairs_[c] then if st:pop_back() ~= pairs_[c] then return false end end
  end
  return #st == 0
end
print(balanced("{[()()]}"), balanced("([)]"), balanced("(("), balanced(""))
