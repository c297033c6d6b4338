-- checks: uncaught error with level 0 has no position prefix
print("level zero")
error("plain message", 0)
