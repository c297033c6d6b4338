-- checks: a length-prefixed message stream encoded/decoded with pack
local msgs = {"hello", "", "binary\0data", string.rep("x", 300)}
local buf = {}
for i, m in ipairs(msgs) do buf[#buf + 1] = string.pack(">I2 s2", i, m) end
local stream = table.concat(buf)
print(#stream)
local pos = 1
while pos <= #stream do
  local id, m
  id, m, pos = string.unpack(">I2 s2", stream, pos)
  print(id, #m, m:sub(1, 6):gsub("%z", "\\0"))
end
