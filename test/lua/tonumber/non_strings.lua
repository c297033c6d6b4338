-- checks: tonumber on numbers and non-string values
print(tonumber(10), tonumber(1.5), tonumber(-0.0), tonumber(nil), tonumber(true), tonumber({}), tonumber(print))
print(pcall(tonumber))
print(math.type(tonumber(3)), math.type(tonumber(3.0)))
