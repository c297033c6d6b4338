-- checks: quantifiers * + - ? greedy and lazy behaviour
local s = "aaab<tag>x</tag><b>"
print(s:match("a*"), s:match("a+"), s:match("a-"), s:match("a-b"), s:match("a?a?"))
print(s:match("<.*>"), s:match("<.->"), s:match("<(%w+)>"), s:match("x?<"), s:match("^b?a"))
print(("xyz"):match("y*"), ("xyz"):match(".-z"), ("xyz"):match("q?x"), ("abc"):match("a.?c"))
print(("   trim me   "):match("^%s*(.-)%s*$") .. "|")
print(("key = value"):match("^(%w+)%s*=%s*(%w+)$"))
print(("aaa"):gsub("a-", "-"), ("aaa"):gsub("a*", "-"), ("abc"):gsub("b*", "-"))
