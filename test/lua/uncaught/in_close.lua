-- checks: uncaught error raised from a __close metamethod on normal block exit
do
  local r <close> = setmetatable({}, {__close = function() error("close failed") end})
  print("inside block")
end
print("not reached")
