-- checks: utf8.charpattern used with gmatch to split characters
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local chars = {}
for ch in ("día €5 😀!"):gmatch(utf8.charpattern) do chars[#chars + 1] = ch end
print(#chars, table.concat(chars, "|"))
