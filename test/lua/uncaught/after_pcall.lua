-- checks: errors caught by pcall do not stop the script; a later one does
print(pcall(error, "caught"))
local t = nil
print(#t)
