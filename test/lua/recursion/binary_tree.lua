-- checks: building and traversing a binary search tree recursively
local function insert(node, v)
  if not node then return {v = v} end
  if v < node.v then node.l = insert(node.l, v) else node.r = insert(node.r, v) end
  return node
end
local function inorder(node, out) if node then inorder(node.l, out); out[#out + 1] = node.v; inorder(node.r, out) end return out end
local function height(node) if not node then return 0 end return 1 + math.max(height(node.l), height(node.r)) end
local root
for _, v in ipairs({50, 30, 70, 20, 40, 60, 80, 35, 45, 65}) do root = insert(root, v) end
print(table.concat(inorder(root, {}), " "), height(root))
local chain
for i = 1, 2000 do chain = insert(chain, i) end
print(height(chain))
