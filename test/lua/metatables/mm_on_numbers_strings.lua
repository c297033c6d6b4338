-- checks: comparisons of numbers with strings error; string comparisons ok with metamethod-less values
print(pcall(function() return 1 < "1" end))
print(pcall(function() return "1" <= 1 end))
print(pcall(function() return {} <= 1 end))
print(pcall(function() return print < print end))
