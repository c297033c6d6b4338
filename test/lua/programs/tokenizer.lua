-- checks: a tokenizer for a small C-like language with positions and error tokens
local keywords = {["if"] = true, ["else"] = true, ["while"] = true, ["return"] = true, ["fn"] = true}
local function tokenize(src)
  local toks, i, line = {}, 1, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c == "\n" then line = line + 1; i = i + 1
    elseif c:match("%s") then i = i + 1
    elseif src:sub(i, i + 1) == "//" then i = (src:find("\n", i) or #src + 1)
    elseif c:match("[%a_]") then
      local w = src:match("^[%w_]+", i)
      toks[#toks + 1] = {keywords[w] and "kw" or "id", w, line}
      i = i + #w
    elseif c:match("%d") then
      local n = src:match("^%d+%.?%d*", i)
      toks[#toks + 1] = {"num", n, line}
      i = i + #n
    elseif c == '"' then
      local j = src:find('"', i + 1, true)
      if not j then toks[#toks + 1] = {"error", "unterminated string", line}; break end
      toks[#toks + 1] = {"str", src:sub(i + 1, j - 1), line}
      i = j + 1
    else
      local op = src:match("^[=!<>]=", i) or src:match("^&&", i) or src:match("^||", i) or c
      if op:match("^[%+%-%*/%%=<>!%(%){}%[%];,]") or #op == 2 then toks[#toks + 1] = {"op", op, line}
      else toks[#toks + 1] = {"error", "unexpected " .. op, line} end
      i = i + #op
    end
  end
  return toks
end
local src = [[
fn fib(n) { // compute
  if (n <= 1) { return n; }
  return fib(n - 1) + fib(n - 2);
}
while (x != 10 && y >= 2.5) { print("hi there"); x = x + 1; }
@ "open
]]
for _, t in ipairs(tokenize(src)) do io.write(t[3], ":", t[1], "[", t[2], "] ") end
print()
