-- checks: escaping magic characters with % and literal matching of them
local magic = "^$()%.[]*+-?"
for i = 1, #magic do
  local c = magic:sub(i, i)
  local p = "%" .. c
  io.write(c, "=", tostring(("a" .. c .. "b"):find(p)), " ")
end
print()
local function escape(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
print(escape("1+1=2? (yes) [100%]"))
print(("cost: $5.00 (approx)"):find(escape("$5.00 (approx)")))
