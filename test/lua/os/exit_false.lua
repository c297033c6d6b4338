-- checks: os.exit(false) exits with status 1 without an error message
print("exiting with false")
os.exit(false)
