-- checks: function definition forms: global, local, field, nested field, method
function globalf() return "global" end
local function localf() return "local" end
local t = {a = {b = {}}}
function t.field() return "field" end
function t.a.b.deep() return "deep" end
function t.a.b:meth() return self == t.a.b end
print(globalf(), localf(), t.field(), t.a.b.deep(), t.a.b:meth())
local anon = function(...) return select("#", ...) end
print(anon(1, 2), (function() return "iife" end)())
