-- checks: os.exit(3) terminates with status 3 after flushing buffered output
io.write("partial line without newline; ")
print("before exit")
os.exit(3)
print("never printed")
