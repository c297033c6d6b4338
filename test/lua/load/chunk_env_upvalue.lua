-- checks: _ENV manipulation in regular code (local _ENV and function parameters)
local function with_env(_ENV) return x, y end
print(with_env({x = 1, y = 2}))
do
  local _ENV = {print = print, tostring = tostring}
  a = 5
  print(a, tostring(_ENV.a))
end
print(a)
local function setter(_ENV) z = "set in env" end
local e = {}
setter(e)
print(e.z, z)
