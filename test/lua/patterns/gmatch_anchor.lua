-- checks: gmatch with anchored pattern and with captures returning positions
local out = {}
for a, b in ("k1=v1;k2=v2"):gmatch("(%w+)=()") do out[#out + 1] = a .. "@" .. b end
print(table.concat(out, " "))
local cnt = 0
for _ in ("aaa"):gmatch("^a") do cnt = cnt + 1 end
print(cnt)
