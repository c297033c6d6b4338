-- checks: errors from for iterators and pairs/ipairs argument checks
print(pcall(function() for k in pairs(nil) do end end))
print(pcall(function() for i, v in ipairs() do end end))
print(pcall(function() for x in 42 do end end))
print(pcall(function() for x in nil do end end))
print(pcall(function() for k, v in next, nil do end end))
