-- checks: os.exit(true) exits with status 0 and skips the rest
print("exiting with true")
os.exit(true)
error("not reached")
