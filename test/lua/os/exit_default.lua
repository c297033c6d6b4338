-- checks: os.exit() with no argument exits with status 0
io.write("no newline at end")
os.exit()
