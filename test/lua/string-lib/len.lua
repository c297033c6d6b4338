-- checks: string.len and # agreement, number argument coercion
for _, s in ipairs({"", "a", "\0\0\0", "héllo", string.rep("x", 300)}) do print(string.len(s), #s) end
print(string.len(12345), string.len(1.5), string.len(-0.0))
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, true))
