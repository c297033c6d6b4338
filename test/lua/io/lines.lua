-- checks: io.lines and file:lines: formats, closing at the end of the loop, errors
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("alpha\nbeta\n\ngamma 12 3.5\nlast")
f:close()

for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, 2) do io.write("[", a, "|", b, "]") end
print()
for c in io.lines(name, 4) do io.write("<", c, ">") end
print()
for l in io.lines(name, "*l") do io.write("(", l, ")") end
print()

-- several values per step, stopping at the first nil
f = assert(io.open(name))
for l, n1, n2 in f:lines("l", "n", "n") do print(l, n1, n2) end
print("file:lines leaves the file open", io.type(f), f:seek())
f:close()
f = assert(io.open(name))
f:read("l", "l", "l")
for word in f:lines(5) do io.write("{", word, "}") end
print()
f:close()

-- the four results of io.lines and the closing value
local it, s, c, file = io.lines(name)
print(type(it), s, c, io.type(file))
print(it(), it())
file:close()
print("iterator after close", pcall(it))

-- the file is closed when the loop ends, breaks or raises
local last
for l, _ in io.lines(name) do last = l end
print("last line", last)
it, s, c, file = io.lines(name)
for l in it, s, c, file do break end
print("after break", io.type(file))
it, s, c, file = io.lines(name)
print(pcall(function()
  for l in it, s, c, file do error("stop") end
end))
print("after error", io.type(file))
it, s, c, file = io.lines(name)
for _ in it, s, c, file do end
print("after loop", io.type(file))
print("iterator after the end", pcall(it))

-- errors
print(pcall(io.lines, "/nonexistent-dir/file"))
local ok, lazy = pcall(io.lines, name, "x") -- formats are checked when reading
print(ok, type(lazy))
print(pcall(function() for l in io.lines(name, "x") do end end))
print(pcall(function() for l in io.lines(name, {}) do end end))
f = assert(io.open(name, "w"))
print(pcall(function() for l in f:lines() do end end))
f:close()
print(pcall(io.lines, {}))
print(pcall(f.lines, f))

print("remove", os.remove(name))
