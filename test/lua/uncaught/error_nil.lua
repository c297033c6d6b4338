-- checks: uncaught error(nil) reports "(error object is a nil value)"
io.write("about to fail\n")
error(nil)
