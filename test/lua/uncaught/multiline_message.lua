-- checks: uncaught error with a multi-line message (first stderr line compared)
error("first line of message\nsecond line of message")
