-- checks: multiple conversions in one format string, number coercions
print(string.format("%s=%d (%5.2f%%) [%x] %q", "ratio", 42, 99.5, 255, "q"))
print(string.format("%d %s", "10", 10), string.format("%.1f", "2.25"), string.format("%x", "0x10"))
print(string.format("%5s|%-5s|%05.1f|%+d", "ab", "cd", 3.14159, 0))
print(("%s and %s"):format("this", "that"))
