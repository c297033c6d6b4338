-- checks: string library functions accept numbers as strings
print(string.sub(123456, 2, 4), string.rep(7, 3), string.byte(9), string.upper(1e3))
print(string.format("%s|%s", 1, 1.0), string.find(12345, 34), string.match(3.25, "%d+"))
print(("x"):rep(2) .. 10)
