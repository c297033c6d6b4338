-- checks: malformed pattern error messages
local bad = {"[a", "%", "(", ")", "%b", "%bx", "%f", "%fx", "(()", "%1", "(a)%2", "[%", "a%"}
for _, p in ipairs(bad) do print(p, pcall(string.find, "abc", p)) end
print(pcall(string.rep))
