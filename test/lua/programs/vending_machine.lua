-- checks: a table-driven state machine (vending machine) processing an event script
local machine = {state = "idle", credit = 0, stock = {cola = 2, chips = 1}, prices = {cola = 150, chips = 100}, log = {}}
local transitions = {
  idle = {
    coin = function(m, v) m.credit = m.credit + v; return "paying" end,
    select = function(m) m.log[#m.log + 1] = "insert coins first"; return "idle" end,
  },
  paying = {
    coin = function(m, v) m.credit = m.credit + v; return "paying" end,
    select = function(m, item)
      if not m.stock[item] then m.log[#m.log + 1] = "unknown " .. item; return "paying" end
      if m.stock[item] == 0 then m.log[#m.log + 1] = item .. " sold out"; return "paying" end
      if m.credit < m.prices[item] then m.log[#m.log + 1] = "need " .. (m.prices[item] - m.credit) .. " more"; return "paying" end
      m.credit = m.credit - m.prices[item]
      m.stock[item] = m.stock[item] - 1
      m.log[#m.log + 1] = "vend " .. item .. ", change " .. m.credit
      m.credit = 0
      return "idle"
    end,
    cancel = function(m) m.log[#m.log + 1] = "refund " .. m.credit; m.credit = 0; return "idle" end,
  },
}
local script = {{"select", "cola"}, {"coin", 100}, {"select", "cola"}, {"coin", 100}, {"select", "cola"}, {"coin", 25}, {"select", "water"}, {"cancel"},
  {"coin", 200}, {"select", "cola"}, {"coin", 150}, {"select", "cola"}, {"select", "chips"}, {"cancel"}, {"bogus"}}
for _, ev in ipairs(script) do
  local handler = transitions[machine.state][ev[1]]
  if handler then machine.state = handler(machine, ev[2]) else machine.log[#machine.log + 1] = "ignored " .. ev[1] .. " in " .. machine.state end
end
for i, l in ipairs(machine.log) do print(i, l) end
print(machine.state, machine.stock.cola, machine.stock.chips)
