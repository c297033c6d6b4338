-- checks: load argument errors and loading numbers as chunk source
print(pcall(load))
print(pcall(load, 42))
print(load("return 42", nil, nil, nil)())
