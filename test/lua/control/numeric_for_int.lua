-- checks: numeric for with integer bounds and steps, including empty and negative ranges
local function run(a, b, c)
  local out = {}
  if c then for i = a, b, c do out[#out + 1] = i end
  else for i = a, b do out[#out + 1] = i end end
  return #out .. ":" .. table.concat(out, ",")
end
print(run(1, 5), run(5, 1), run(1, 10, 3), run(10, 1, -3), run(1, 1), run(0, -1), run(-3, 3, 2))
print(run(1, 0, 1), run(3, 3, -1), run(1, 3, 5))
for i = 1, 3 do local j = i * 2; io.write(math.type(i), j, " ") end
print()
