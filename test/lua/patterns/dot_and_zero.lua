-- checks: '.' matches any byte including zero; patterns with embedded zeros
local s = "a\0b\0c"
print(#s:match(".*"), s:find("\0"), s:find("%z"), select(2, s:gsub("%z", "0")))
print(s:gsub("\0", "|"))
print(("x\0y"):match("x(.)y"):byte(), ("a\0"):find("[\0]"))
