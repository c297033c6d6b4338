-- checks: load with a custom environment table and upvalue _ENV behaviour
local env = {print = print, x = 10}
local f = load("y = x * 2; return y", "chunk", "t", env)
print(f(), env.y, y)
local g = load("return tostring", "c", "t", {})
print(g())
local h = load("local _ENV = {z = 5}; return z")
print(h())
local sandbox = setmetatable({}, {__index = _G})
load("newglobal = 'sandboxed'", "s", "t", sandbox)()
print(sandbox.newglobal, newglobal)
print(pcall(load("return undefined_fn()", "=env", "t", {})))
