-- checks: decimal integer literals that overflow become floats; hex wraps
print(load("return 9223372036854775807, 9223372036854775808, -9223372036854775808")())
print(math.type(load("return 9223372036854775808")()), load("return 0x1" .. string.rep("0", 16))())
