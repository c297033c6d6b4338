-- checks: error position is only prepended to string messages; numbers are converted by tostring in messages
print(pcall(error, 12))
print(pcall(function() error(12) end))
print(pcall(function() error("12") end))
print(pcall(function() error(12.5, 2) end))
