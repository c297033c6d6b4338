-- checks: arithmetic on numeric strings converts them
print("10" + 1, "10" + 1.5, "3" * "4", "2" ^ "3", "7" // "2", "7" % "4")
print(math.type("10" + 1), math.type("10.0" + 1), math.type("1e1" + 0))
print(" 10 " + 0, "0x10" + 0, "1e2" * 1, "-5" - 5)
print("10" / "4", ".5" + 0, "5." + 0)
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} + 1 end))
print(pcall(function() return "10" + {} end))
print(10 .. 20, 1.5 .. "", -0.0 .. "")
