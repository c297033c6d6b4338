-- checks: uncaught "bad argument" error from a library function
print(string.rep("x", 3))
print(string.rep())
