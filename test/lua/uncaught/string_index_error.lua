-- checks: uncaught error calling a missing string method
local s = "hello"
print(s:nonexistent())
