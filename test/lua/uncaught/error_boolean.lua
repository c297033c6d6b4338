-- checks: uncaught boolean error value
error(false)
