-- checks: io.input/io.output with names and handles, io.read/io.write/io.lines/io.close/io.flush on the defaults
local name = os.tmpname()
local stdout = io.output()
print("defaults", io.input() == io.stdin, io.output() == io.stdout)
print("io.write returns the output", io.write("") == io.stdout)

-- io.output with a file name opens it for writing
local out = io.output(name)
print("output is a file", io.type(out), out ~= stdout, io.output() == out)
print("io.write to file", io.write("one\n", 2, "\n", 3.0, "\n") == out)
io.write("four five\n")
print("io.flush", io.flush())
print("io.close() closes the default output", io.close())
print("output closed", io.type(io.output()))
print(pcall(io.write, "x"))
print(pcall(io.flush))
print(pcall(io.close))
io.output(io.stdout)
print("back on stdout", io.output() == io.stdout)

-- io.input with a file name opens it for reading
local inp = io.input(name)
print("input is a file", io.type(inp), io.input() == inp)
print("io.read", io.read(), io.read("n"), io.read("n"), io.read("L"))
print("io.read many", io.read("l", "l"))
print("io.read at end", io.read(), io.read("a"), io.read(0))
inp:seek("set")
for l in io.lines() do io.write("[", l, "]") end
print()
print("io.lines() leaves default input open", io.type(inp))
inp:seek("set")
io.read("l")
for a, b in io.lines(nil, "n", "n") do print("pairs", a, b) end
inp:close()
print(pcall(io.read))
print(pcall(io.lines))
print("input still the closed file", io.input() == inp, io.type(io.input()))

-- handles
local f = assert(io.open(name))
print("io.input(handle)", io.input(f) == f, io.read("l"))
f:close()
print(pcall(io.input, f))
print(pcall(io.output, f))
print(pcall(io.input, {}))
print(pcall(io.output, 42 == 42))
print(pcall(io.input, "/nonexistent-dir/file"))
print(pcall(io.output, "/nonexistent-dir/file"))
io.input(io.stdin)

-- io.close with a handle; standard files stay open
f = assert(io.open(name))
print("io.close(f)", io.close(f), io.type(f))
print(io.close(io.stdout))
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print("still open", io.type(io.stdout), io.type(io.stderr), io.type(io.stdin))
print(pcall(io.close, nil))
io.input(name)
print(pcall(io.read, "x"))
print(pcall(io.read, "l", {}))
print(pcall(io.read, "a", {}))
io.close(io.input())
io.input(io.stdin)

-- a numeric file name is converted to a string
print(pcall(io.input, 12345678))

print("remove", os.remove(name))
