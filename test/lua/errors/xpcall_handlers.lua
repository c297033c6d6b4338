-- checks: xpcall with message handlers that transform errors, extra arguments
print(xpcall(function() error("oops") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({1, 2, 3}) end, function(m) return #m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() local x = nil; return x.y end, function(m) return m:upper() end))
print(xpcall(function() error() end, function(m) return "nil error: " .. tostring(m) end))
print(xpcall(error, function(m) return "direct " .. tostring(m) end, "msg", 0))
print(pcall(xpcall))
print(pcall(xpcall, print))
