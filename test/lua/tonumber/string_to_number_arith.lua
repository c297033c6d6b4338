-- checks: automatic string->number coercion rules vs tonumber
print("0x10" + 0, tonumber("0x10"), "1e1" + 0, " 5 " * 2, "5" == 5, tonumber("5") == 5)
print(pcall(function() return "5x" + 0 end))
print(10 == tonumber("1e1"), math.type("10" // 1), math.type("10.0" // 1))
