-- checks: widths count bytes, not characters
print(string.format("[%6s]", "héé"), string.format("[%-6s]", "日"), string.format("[%.2s]", "héé"):len())
