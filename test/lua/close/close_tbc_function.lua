-- checks: a closure can serve as a resource owner; __close receives the object itself
local obj = setmetatable({name = "res"}, {__close = function(self, e) print("closing", self.name, e) end})
do
  local x <close> = obj
  print("using", x.name)
end
