-- checks: %d requires integral values; %f accepts integers
print(string.format("%.3f %.3f %e", 1, -2, 3))
print(string.format("%d", 2^53), string.format("%d", -0.0))
print(pcall(string.format, "%d", 2^63))
print(pcall(string.format, "%x", 1.5))
print(pcall(string.format, "%f", "abc"))
print(pcall(string.format, "%d", nil))
