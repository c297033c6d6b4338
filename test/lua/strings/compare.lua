-- checks: string comparison is bytewise, including embedded zeros
local list = {"b", "a", "ab", "", "B", "a\0b", "a\0", "abc", "Z", "~", "\255", "10", "9"}
table.sort(list)
for i, v in ipairs(list) do io.write(string.format("%q", v), i < #list and " " or "\n") end
print("a\0b" < "a\0c", "a\0" < "a", "a" < "a\0", "" == "", "abc" == "ab" .. "c")
