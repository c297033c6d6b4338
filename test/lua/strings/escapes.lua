-- checks: escape sequences in short strings (\n \t \\ \" \' \a \b \f \v \r \ddd \xhh \z \u{})
local s = "a\tb\\c\"d\'e"
print(s, #s)
print(#"\a\b\f\n\r\t\v", string.byte("\a\b\f\n\r\t\v", 1, -1))
print("\65\066\0677", "\x41\x62\x7A", "\u{48}\u{49}", #"\u{7FF}", #"\u{FFFF}", #"\u{10FFFF}", #"\u{7FFFFFFF}")
print(string.byte("\0\1\255", 1, -1))
print("line1\
line2")
print("skip \z
       whitespace")
print('single "quotes"', "double 'quotes'")
print(("\u{E9}"):byte(1, -1))
