-- checks: break only exits the innermost loop
local out = {}
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    out[#out + 1] = i .. "-" .. j
  end
end
print(table.concat(out, " "))
local found
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 42 then found = i .. "*" .. j; break end
  end
  if found then break end
end
print(found)
