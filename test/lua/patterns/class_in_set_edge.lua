-- checks: ranges and escapes at set edges, e.g. [a-], [-a], [%a-z]
local s = "a-z_9"
print(s:gsub("[a-]", "#"))
print(s:gsub("[-a]", "#"))
print(s:gsub("[%a-]", "#"))
print(s:gsub("[z-a]", "#"))
print(s:gsub("[^%w]", "#"))
print(s:gsub("[%w_]", "#"))
