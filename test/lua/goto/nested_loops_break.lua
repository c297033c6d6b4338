-- checks: goto to break out of nested loops
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then print("found", i, j) goto out end
  end
end
::out::
print("after loops")
