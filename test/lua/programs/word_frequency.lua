-- checks: word frequency analysis with stop words, ties broken alphabetically
local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair.]]
local stop = {the = true, of = true, it = true, was = true}
local counts, total = {}, 0
for w in text:lower():gmatch("%a+") do
  total = total + 1
  if not stop[w] then counts[w] = (counts[w] or 0) + 1 end
end
local list = {}
for w, c in pairs(counts) do list[#list + 1] = {w, c} end
table.sort(list, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] < b[1] end)
print("total words:", total, "distinct non-stop:", #list)
for i = 1, 8 do print(string.format("%-12s %d %s", list[i][1], list[i][2], string.rep("*", list[i][2]))) end
