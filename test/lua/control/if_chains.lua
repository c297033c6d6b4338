-- checks: if/elseif/else chains and truthiness of values
local function classify(v)
  if v == nil then return "nil"
  elseif v == false then return "false"
  elseif type(v) == "number" and v < 0 then return "negative"
  elseif v == 0 then return "zero"
  elseif type(v) == "string" then return "string"
  else return "other" end
end
for _, v in ipairs({0, -1, 5, "", "x", true}) do io.write(classify(v), " ") end
print(classify(nil), classify(false))
for _, v in ipairs({0, "", {}, -0.0}) do io.write(v and "truthy " or "falsy ") end
print(nil and "t" or "f", false and "t" or "f")
