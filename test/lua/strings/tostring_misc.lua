-- checks: tostring of nil, booleans, and strings; type() names
print(tostring(nil), tostring(true), tostring(false), tostring("s"))
print(type(nil), type(true), type(1), type(1.5), type("x"), type({}), type(print), type(type), type(coroutine.create(print)))
print(select("#", tostring(1)), (tostring(1)))
print(pcall(tostring))
