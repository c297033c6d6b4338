-- checks: upper/lower only affect ASCII letters in the C locale
local s = "aZ09_-\200\255é"
print(s:upper():byte(1, -1))
print(s:lower():byte(1, -1))
print(("MiXeD cAsE 123"):upper(), ("MiXeD cAsE 123"):lower())
