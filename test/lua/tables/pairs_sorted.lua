-- checks: iterating hash tables by sorted keys, counting entries
local t = {banana = 3, apple = 1, cherry = 2, [1] = "x", [2] = "y"}
local strkeys, n = {}, 0
for k, v in pairs(t) do
  n = n + 1
  if type(k) == "string" then strkeys[#strkeys + 1] = k end
end
table.sort(strkeys)
print(n)
for _, k in ipairs(strkeys) do print(k, t[k]) end
for i, v in ipairs(t) do print(i, v) end
