-- checks: inserting and removing by assignment, # after appends
local t = {}
for i = 1, 10 do t[#t + 1] = i * i end
print(#t, table.concat(t, " "))
t[#t] = nil
t[#t] = nil
print(#t, table.concat(t, " "))
local q = {"a", "b", "c"}
q[4] = "d"
print(#q, q[#q])
