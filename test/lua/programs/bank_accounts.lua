-- checks: bank account simulation with error handling and transaction log
local Account = {}
Account.__index = Account
local next_id = 0
function Account.new(owner, balance)
  next_id = next_id + 1
  return setmetatable({id = next_id, owner = owner, balance = balance or 0, log = {}}, Account)
end
function Account:deposit(v)
  if type(v) ~= "number" or v <= 0 then error({code = "EINVAL", msg = "invalid amount"}) end
  self.balance = self.balance + v
  self.log[#self.log + 1] = "+" .. v
end
function Account:withdraw(v)
  if v > self.balance then error({code = "EFUNDS", msg = string.format("insufficient funds: %d < %d", self.balance, v)}) end
  self.balance = self.balance - v
  self.log[#self.log + 1] = "-" .. v
end
local function transfer(from, to, v)
  local ok, e = pcall(function() from:withdraw(v); to:deposit(v) end)
  if ok then return "ok" end
  return e.code .. ": " .. e.msg
end
local a, b = Account.new("alice", 100), Account.new("bob")
print(transfer(a, b, 30), transfer(b, a, 50), transfer(a, b, -5), transfer(a, b, 70))
print(a.owner, a.balance, table.concat(a.log, ","))
print(b.owner, b.balance, table.concat(b.log, ","))
local ok, e = pcall(a.deposit, a, "ten")
print(ok, e.code, e.msg)
