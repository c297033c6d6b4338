-- checks: io.popen for reading and writing, close statuses, io.tmpfile
local p = assert(io.popen("echo one; echo two; printf 'three 42'"))
print("type", io.type(p))
print("read", p:read("l"), p:read("L"), p:read("l", "n"))
print("at end", p:read("l"), p:read("a"), p:read(0))
print("close", p:close())
print("closed", io.type(p), pcall(p.read, p))

p = io.popen("printf 'a\\nb\\nc\\n'", "r")
for l in p:lines() do io.write("[", l, "]") end
print()
print(p:close())

print(io.popen("exit 5"):close())
print(io.popen("kill -TERM $$"):close())
p = io.popen("true")
print("seek on a pipe", p:seek())
print("write on a read pipe", p:write("x"))
print(p:close())
print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "r+"))
print(pcall(io.popen, "true", ""))
print(pcall(io.popen))

-- a pipe to a command: what is written is its standard input
io.write("before the pipe\n")
p = assert(io.popen("tr a-z A-Z", "w"))
print("write returns the pipe", p:write("shouted ", 1, " ", 2.5, "\n") == p)
print("read on a write pipe", p:read("l"))
print(p:close())
p = io.popen("cat > /dev/null; exit 7", "w")
p:write("ignored")
print(p:close())
p = io.popen("wc -l", "w")
for i = 1, 1000 do p:write(i, "\n") end
print(p:close())

-- io.tmpfile: a file open for update, gone when closed
local t = io.tmpfile()
print("tmpfile", io.type(t), t:write("temp data\n") == t, t:seek("set"), t:read("a"))
print(t:close())
