-- oop: class-style objects built with setmetatable and __index chains three levels
-- deep, method calls with `:`, a super-call, operator metamethods (__add, __eq,
-- __lt, __len) and an __index function for defaults.
-- Size: number of simulated operations (default 3e6).
local ops = math.tointeger(tonumber(arg and arg[1])) or 3000000

-- Account <- Savings <- Premium
local Account = {}
Account.__index = Account

function Account.new(id, balance)
  return setmetatable({ id = id, balance = balance, count = 0 }, Account)
end

function Account:deposit(v)
  self.balance = (self.balance + v) % 1000003
  self.count = self.count + 1
end

function Account:withdraw(v)
  if v <= self.balance then
    self.balance = self.balance - v
    self.count = self.count + 1
    return true
  end
  return false
end

function Account:worth()
  return self.balance
end

local Savings = setmetatable({}, { __index = Account })
Savings.__index = Savings

function Savings.new(id, balance, rate)
  local o = Account.new(id, balance)
  o.rate = rate
  return setmetatable(o, Savings)
end

function Savings:accrue()
  self:deposit(self.balance * self.rate // 1000)
end

local Premium = setmetatable({}, { __index = Savings })
Premium.__index = Premium

function Premium.new(id, balance, rate, bonus)
  local o = Savings.new(id, balance, rate)
  o.bonus = bonus
  return setmetatable(o, Premium)
end

function Premium:withdraw(v) -- override that calls the parent method
  local fee = v > 500 and 1 or 0
  return Account.withdraw(self, v + fee)
end

function Premium:worth()
  return Savings.worth(self) + self.bonus
end

-- a value type with operators
local Vec = {}
Vec.__index = Vec
local function vec(x, y)
  return setmetatable({ x = x, y = y }, Vec)
end
Vec.__add = function(a, b)
  return vec((a.x + b.x) % 65521, (a.y + b.y) % 65521)
end
Vec.__eq = function(a, b)
  return a.x == b.x and a.y == b.y
end
Vec.__lt = function(a, b)
  return a.x < b.x or (a.x == b.x and a.y < b.y)
end
Vec.__len = function(a)
  return a.x + a.y
end

-- an __index function supplying defaults
local defaults = setmetatable({}, {
  __index = function(_, k)
    return #k
  end,
})

local accounts = {}
for i = 1, 30 do
  if i % 3 == 0 then
    accounts[i] = Account.new(i, i * 100)
  elseif i % 3 == 1 then
    accounts[i] = Savings.new(i, i * 100, i % 7 + 1)
  else
    accounts[i] = Premium.new(i, i * 100, i % 5 + 1, i)
  end
end

local seed, refused = 1, 0
local pos = vec(1, 2)
local step = vec(3, 5)
local lesser, equal = 0, 0
for k = 1, ops do
  seed = (seed * 75 + 74) % 65537
  local a = accounts[k % 30 + 1]
  local kind = seed % 4
  if kind == 0 then
    a:deposit(seed % 1000)
  elseif kind == 1 then
    if not a:withdraw(seed % 800) then
      refused = refused + 1
    end
  elseif kind == 2 and a.accrue then
    a:accrue()
  else
    refused = refused + a:worth() % 3
  end
  if k % 8 == 0 then
    local nxt = pos + step
    if nxt < pos then
      lesser = lesser + 1
    end
    if nxt == vec(nxt.x, nxt.y) then
      equal = equal + 1
    end
    pos = nxt
  end
end

local worth, count = 0, 0
for i = 1, #accounts do
  worth = (worth + accounts[i]:worth()) % 1000003
  count = count + accounts[i].count
end

print(string.format("oop ops=%d worth=%d count=%d refused=%d lesser=%d equal=%d len=%d dflt=%d",
  ops, worth, count, refused, lesser, equal, #pos, defaults.somekey))
