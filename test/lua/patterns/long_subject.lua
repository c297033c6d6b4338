-- checks: patterns over longer subjects (word frequencies, sorted)
local text = string.rep("the cat sat on the mat with the hat ", 50)
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local keys = {}
for k in pairs(freq) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", freq[k], " ") end
print()
print(select(2, text:gsub("at", "")))
