-- checks: string.reverse/upper/lower on various inputs
for _, s in ipairs({"", "a", "ab", "Hello, World!", "12345", "a\0b"}) do
  print(string.format("%q %q %q %q", s, s:reverse(), s:upper(), s:lower()))
end
print(string.upper(123), string.lower(4.5), string.reverse(12))
print(pcall(string.upper))
print(pcall(string.lower, {}))
