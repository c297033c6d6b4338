-- checks: uncaught error from calling a non-function in a generic for
for k, v in {1, 2, 3} do print(k, v) end
