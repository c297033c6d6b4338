-- checks: string.byte and string.sub negative index normalization
local s = "0123456789"
for i = -12, 12, 3 do print(i, s:byte(i), s:sub(i, i), s:byte(i, i + 2)) end
