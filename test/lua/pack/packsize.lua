-- checks: string.packsize for fixed formats and alignment
print(string.packsize("i1i2i4i8"), string.packsize("<d"), string.packsize("f"), string.packsize("c10"))
print(string.packsize("!8 i1 i8"), string.packsize("!4 i1 i4 i2"), string.packsize("!8 b d"), string.packsize("!2 b h b"))
print(string.packsize("i3 i5 i7"), string.packsize("x"), string.packsize("xxi2"), string.packsize("!4 i2 Xi4"), pcall(string.packsize, "!4 i3"))
print(pcall(string.packsize, "s"))
print(pcall(string.packsize, "z"))
print(string.packsize("<I16"), string.packsize("j"), string.packsize("n"))
