-- checks: parsing of long numerals and many digits
print(tonumber("123456789012345678"), tonumber("1234567890123456789012"), tonumber("0.000000000000000000001"))
print(tonumber(string.rep("9", 18)), tonumber(string.rep("9", 19)), tonumber(string.rep("9", 20)))
print(tonumber("9223372036854775807"), tonumber("9223372036854775808"), tonumber("-9223372036854775808"), tonumber("-9223372036854775809"))
print(math.type(tonumber("-9223372036854775808")), math.type(tonumber("9223372036854775808")))
