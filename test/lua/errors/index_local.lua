-- checks: "attempt to index a nil value (local 'x')" and other local variants
print(pcall(function() local x; return x.field end))
print(pcall(function() local x = 1; return x.field end))
print(pcall(function() local x = true; x.y = 2 end))
print(pcall(function() local x = print; return x[1] end))
print(pcall(function(arg) return arg.k end))
