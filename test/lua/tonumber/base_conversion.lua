-- checks: converting integers to arbitrary bases and back with tonumber
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
local function tobase(n, b)
  if n == 0 then return "0" end
  local neg = n < 0
  if neg then n = -n end
  local s = ""
  while n > 0 do local d = n % b; s = digits:sub(d + 1, d + 1) .. s; n = n // b end
  return (neg and "-" or "") .. s
end
for _, b in ipairs({2, 3, 7, 8, 16, 20, 36}) do
  local s = tobase(123456789, b)
  print(b, s, tonumber(s, b))
end
print(tobase(-255, 16), tonumber(tobase(-255, 16), 16))
