-- checks: // and % produce integers only for integer operands
print(7 // 2, 7.0 // 2, 7 // 2.0, -7 // 2, -7.0 // 2, 7 % -2, 7.0 % -2)
print(math.type(7 // 2), math.type(7 // 2.0), math.type(2^31 // 1), math.type(5 % 2), math.type(5.5 % 2))
