-- checks: error messages when calling non-functions
local t = {}
local n = 5
print(pcall(function() undefinedfn() end))
print(pcall(function() t.missing() end))
print(pcall(function() t:method() end))
print(pcall(function() n() end))
print(pcall(function() ("str")() end))
print(pcall(function() local x; x() end))
print(pcall(function() t.a.b() end))
print(pcall(function() string.nope("x") end))
