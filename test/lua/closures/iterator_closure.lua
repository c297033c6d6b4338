-- checks: closure-based iterators
local function range(from, to, step)
  step = step or 1
  local i = from - step
  return function()
    i = i + step
    if (step > 0 and i <= to) or (step < 0 and i >= to) then return i end
  end
end
local out = {}
for v in range(1, 10, 3) do out[#out + 1] = v end
for v in range(5, 1, -2) do out[#out + 1] = v end
print(table.concat(out, " "))
local function chars(s) local i = 0 return function() i = i + 1; if i <= #s then return i, s:sub(i, i) end end end
for i, c in chars("abc") do io.write(i, c, " ") end
print()
