-- checks: # on strings with multibyte and zero bytes
print(#"", #"a", #"hello", #"\0", #"a\0b\0", #"\u{20AC}", #"日本")
local s = string.rep("ab", 1000)
print(#s, #(s .. s))
local t = "x"
print(#t == t:len(), ("xyz"):len())
