-- checks: counting ASCII vs multibyte characters with utf8.codes
local ascii, multi = 0, 0
for _, c in utf8.codes("Grüße aus Köln – 東京 🙂") do if c < 128 then ascii = ascii + 1 else multi = multi + 1 end end
print(ascii, multi)
