-- checks: %b balanced matches
print(("f(a(b)c)d(e)"):match("%b()"), ("[[x]]y"):match("%b[]"), ("{a{b}"):match("%b{}"))
for m in ("(1)(2(3))((4))"):gmatch("%b()") do io.write(m, " ") end
print()
print(("if x then y end end"):match("%bie"), ("<a><b></b></a>"):gsub("%b<>", "#"))
print(("no parens"):match("%b()"), ("((("):match("%b()"), ("x)y(z"):match("%b()"))
