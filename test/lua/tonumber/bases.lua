-- checks: tonumber with bases 2..36, case-insensitivity, signs and invalid digits
for base = 2, 36 do io.write(tonumber("10", base), " ") end
print()
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("ZZ", 36), tonumber("777", 8), tonumber("1010", 2))
print(tonumber("-ff", 16), tonumber("  11  ", 2), tonumber("12", 2), tonumber("", 10), tonumber("8", 8), tonumber("1.5", 10))
print(tonumber("7fffffffffffffff", 16), tonumber("8000000000000000", 16), tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16))
print(tonumber("zzzzzzzzzzzzzz", 36), tonumber("-1", 36))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, "10", 2.5))
print(tonumber("0x10", 16), tonumber("10", 10.0))
