-- checks: returns from inside nested loops
local function find(matrix, target)
  for i, row in ipairs(matrix) do
    for j, v in ipairs(row) do
      if v == target then return i, j end
    end
  end
  return nil
end
local m = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
print(find(m, 6), find(m, 1), find(m, 10))
