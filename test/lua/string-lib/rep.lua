-- checks: string.rep with counts, separators, and edge counts
print(("ab"):rep(3), ("ab"):rep(3, "-"), ("ab"):rep(1, "-"), ("ab"):rep(0, "-") == "", ("ab"):rep(-5) == "")
print(("x"):rep(10), #("abc"):rep(100), #("abc"):rep(100, "12"))
print(string.rep("", 1000) == "", string.rep("a", 3, ""))
print(pcall(string.rep, "x"))
print(string.rep("ab", 2.0), pcall(string.rep, "x", 1.5))
