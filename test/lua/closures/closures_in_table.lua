-- checks: object built from closures (private state)
local function Account(balance)
  local self = {}
  function self.deposit(v) balance = balance + v end
  function self.withdraw(v) if v > balance then error("insufficient funds") end balance = balance - v end
  function self.balance() return balance end
  return self
end
local acc = Account(100)
acc.deposit(50); acc.withdraw(30)
print(acc.balance())
print(pcall(acc.withdraw, 1000))
print(acc.balance())
