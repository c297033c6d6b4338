-- checks: generic for with custom stateless and stateful iterators
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
for i, v in iter, {"a", "b", "c"}, 0 do io.write(i, v, " ") end
print()
local function squares(n)
  return function(state, ctl)
    if ctl < state then return ctl + 1, (ctl + 1) ^ 2 end
  end, n, 0
end
for i, sq in squares(4) do io.write(i, ":", sq, " ") end
print()
for k, v in next, {10} do print(k, v) end
for w in string.gmatch("x y z", "%a") do io.write(w) end
print()
