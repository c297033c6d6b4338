-- checks: \u{} escapes match utf8.char output
for _, cp in ipairs({0x24, 0xA2, 0x939, 0x20AC, 0xD55C, 0x10348}) do
  local viaEscape = load(string.format("return '\\u{%X}'", cp))()
  io.write(tostring(viaEscape == utf8.char(cp)), " ", #viaEscape, "; ")
end
print()
