-- checks: utf8.len on valid and invalid strings, with ranges
print(utf8.len(""), utf8.len("abc"), utf8.len("héllo"), utf8.len("日本語"), utf8.len("😀x"))
print(utf8.len("héllo", 3), utf8.len("héllo", 1, 2), utf8.len("héllo", -1), utf8.len("abc", 4))
print(utf8.len("\xff"), utf8.len("ab\x80cd"), utf8.len("\xe6\x97"))
print(utf8.len("\xed\xa0\x80"), utf8.len("\xed\xa0\x80", 1, -1, true))
print(utf8.len("\xf4\x90\x80\x80"), utf8.len("\xf4\x90\x80\x80", 1, -1, true))
print(utf8.len("\xc0\x80"))
print(pcall(utf8.len, "abc", 5))
print(pcall(utf8.len, "héllo", 3, 10))
