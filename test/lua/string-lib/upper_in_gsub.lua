-- checks: combining upper/lower/sub to title-case words
local function title(s)
  return (s:gsub("(%a)(%a*)", function(a, b) return a:upper() .. b:lower() end))
end
print(title("hello wORLD from lua"), title(""), title("123 abc"))
local function capitalize(s) return s:sub(1, 1):upper() .. s:sub(2) end
print(capitalize("lua"), capitalize(""), capitalize("x"))
