-- checks: gmatch iteration with and without captures, empty matches, init argument
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print("empty matches:", n)
local t = {}
for w in ("one two  three"):gmatch("%S+") do t[#t + 1] = w end
print(#t, table.concat(t, ","))
for p in ("aXbXc"):gmatch("()X") do io.write(p, " ") end
print()
local out = {}
for w in ("a1b22c333"):gmatch("%d*") do out[#out + 1] = "[" .. w .. "]" end
print(table.concat(out))
local it = ("x y z"):gmatch("%a")
print(it(), it(), it(), it())
for w in ("hello world"):gmatch("o", 6) do io.write(w, ".") end
print()
