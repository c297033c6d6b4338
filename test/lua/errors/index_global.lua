-- checks: "attempt to index a nil value (global 'x')"
print(pcall(function() return notdefined.x end))
print(pcall(function() notdefined.y = 1 end))
print(pcall(function() return notdefined[1][2] end))
x_number = 10
print(pcall(function() return x_number.field end))
