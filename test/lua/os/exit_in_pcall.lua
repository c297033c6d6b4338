-- checks: os.exit inside pcall and a coroutine still exits the process immediately
print("start")
pcall(function()
  coroutine.wrap(function()
    io.write("in coroutine\n")
    os.exit(7)
  end)()
end)
print("never printed")
