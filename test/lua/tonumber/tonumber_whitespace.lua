-- checks: tonumber accepts leading/trailing whitespace only, for decimals and bases
print(tonumber(" 1"), tonumber("1 "), tonumber("\n1\n"), tonumber(" 0x1 "), tonumber(" 1 ", 10), tonumber("1 1", 10), tonumber("\0" .. "1"))
