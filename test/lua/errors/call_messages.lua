-- checks: "attempt to call" messages with variable kinds
local t = {}
local up = 1
print(pcall(function() local l = {}; l() end))
print(pcall(function() t.f() end))
print(pcall(function() t:m() end))
print(pcall(function() up() end))
print(pcall(function() glob() end))
print(pcall(function() t[1]() end))
print(pcall(function() (nil)() end))
print(pcall(function() return ({})() end))
