-- checks: concat uses number-to-string conversion for ints and floats
print(table.concat({1, 2.0, 3.5, -4, 1e20, 2^63}, "|"))
print(table.concat({"a", "b", "c"}, 1))
print(pcall(table.concat, {"a", "b"}, {}))
