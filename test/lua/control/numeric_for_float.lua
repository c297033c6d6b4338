-- checks: numeric for with float start, limit or step
local out = {}
for x = 0, 1, 0.25 do out[#out + 1] = x end
print(table.concat(out, " "))
out = {}
for x = 1.0, 3 do out[#out + 1] = x end
print(table.concat(out, " "), math.type(out[1]))
out = {}
for x = 1, 2.5 do out[#out + 1] = x end
print(table.concat(out, " "), math.type(out[1]))
out = {}
for x = 1, 2, 0.5 do out[#out + 1] = x end
print(table.concat(out, " "), math.type(out[1]))
out = {}
for x = 0.1, 0.5, 0.1 do out[#out + 1] = string.format("%.17g", x) end
print(#out, out[#out])
out = {}
for x = 3, 1, -0.5 do out[#out + 1] = x end
print(table.concat(out, " "))
