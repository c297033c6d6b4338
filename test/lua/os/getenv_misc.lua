-- checks: os.getenv of an unset variable and type checks of os functions
print(os.getenv("ENDYMION_DEFINITELY_UNSET_VARIABLE_12345"))
print(type(os.time()), math.type(os.time()), type(os.clock()), type(os.date()))
print(pcall(os.getenv))
