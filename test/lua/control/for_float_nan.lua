-- A float loop whose start or limit is NaN runs its body once (the skip test compares and
-- fails), as lua5.4's forprep; an integer loop with a NaN limit does not run going up and
-- runs toward mininteger going down.
for i = 0 / 0, 2 do print("A", i ~= i) end
for i = 1.0, 0 / 0 do print("B", i) end
for i = 1.0, 0 / 0, -1 do print("C", i) end
for i = 1, 0 / 0 do print("D", i) end
local e = 0
for i = 1, 0 / 0, -1 do e = e + 1; if e == 5 then print("E", i) break end end
for i = 1.0, 2, 0 / 0 do print("F", i) end
local n = 0
for _ = 1, 200 do for i = 0.5, 0 / 0 do n = n + 1 end end
print(n)
