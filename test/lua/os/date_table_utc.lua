-- checks: os.date("!*t") returns all fields for fixed timestamps
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. tostring(t[k]) end
  return table.concat(out, " ")
end
for _, ts in ipairs({0, 1e9, 1234567890, 1709251199, 1709251200}) do print(ts, show(os.date("!*t", ts))) end
