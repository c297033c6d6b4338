-- checks: operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ^ 2, -2 ^ 2, 2 ^ -2)
print(1 + 2 .. 3 + 4, "a" .. "b" == "ab", 1 .. 2 == "12")
print(not nil == true, not (1 == 2), #"abc" + 1, -#"ab")
print(1 < 2 == true, 5 - 3 - 1, 2 ^ 2 ^ 3, 100 // 10 // 3)
print(1 | 2 ~ 3 & 4, 1 << 2 + 1, 7 & 3 == 3)
print(2 * 3 % 4, 2 + 3 % 4, -3 % 5, -(3 % 5))
print(1 and 2 or 3, nil and 1 or 2, false or nil, nil or false)
