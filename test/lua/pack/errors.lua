-- checks: error messages for invalid pack formats and arguments
print(pcall(string.pack, "y", 1))
print(pcall(string.pack, "i", "x"))
print(pcall(string.pack, "d", "x"))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "c4", "abc"))
print(pcall(string.pack, "c"))
