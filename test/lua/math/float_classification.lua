-- checks: detecting nan/inf/integral floats without printing nan
local function classify(x)
  if x ~= x then return "nan" end
  if x == math.huge then return "+inf" end
  if x == -math.huge then return "-inf" end
  if math.type(x) == "integer" then return "int" end
  if x == math.floor(x) then return "integral float" end
  return "float"
end
for _, v in ipairs({1, 1.0, 1.5, 1/0, -1/0, 0/0, 2^70, -0.0}) do io.write(classify(v), "; ") end
print()
