-- checks: load mode argument restricting text/binary chunks
print(type(load("return 1", "x", "t")))
print(load("return 1", "x", "b"))
print(pcall(load, "return 1", "x", "q"))
print(load("return 1", "x", "bt") ~= nil)
