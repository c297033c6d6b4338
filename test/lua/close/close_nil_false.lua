-- checks: nil and false are allowed as <close> values; non-closable values error
do
  local a <close> = nil
  local b <close> = false
  print("nil/false ok")
end
print(pcall(load("local x <close> = 42")))
print(pcall(load("local x <close> = {}")))
print(load("local a <close>, b = nil, nil") ~= nil)
print(load("local a <close>, b <close> = nil, nil"))
