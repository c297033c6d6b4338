-- checks: runtime error messages are strings with position prefix
local ok, e = pcall(function() local t = nil; return t[1] end)
print(type(e), e:match("^(.-):%d+:") ~= nil, (e:gsub("^.-:%d+: ", "")))
local ok2, e2 = pcall(string.rep)
print(type(e2), e2)
