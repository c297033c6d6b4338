-- checks: building a case-insensitive pattern with gsub
local function nocase(p)
  return (p:gsub("%a", function(c) return "[" .. c:lower() .. c:upper() .. "]" end))
end
print(nocase("hi there"))
print(("Say HI There and hi there"):gsub(nocase("hi there"), "X"))
