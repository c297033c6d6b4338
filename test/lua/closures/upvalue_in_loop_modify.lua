-- checks: closures can modify a loop-local upvalue, independent per iteration
local incs, gets = {}, {}
for i = 1, 3 do
  local v = i * 100
  incs[i] = function() v = v + 1 end
  gets[i] = function() return v end
end
incs[1](); incs[1](); incs[3]()
print(gets[1](), gets[2](), gets[3]())
