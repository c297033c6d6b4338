-- checks: assert returns its arguments and raises custom and default messages
print(assert(1, "unused"), assert("v", 2, 3))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, {code = 7}) == false)
local ok, e = pcall(assert, false, {code = 7})
print(ok, e.code)
print(pcall(assert))
print(pcall(assert, 1 == 2, 42))
