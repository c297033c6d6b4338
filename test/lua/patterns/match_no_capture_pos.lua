-- checks: find returns start/end plus captures; match with only position captures
print(("hello"):find("l+"), ("hello"):find("(l+)"), ("hello"):find("()ll()"))
print(("hello"):match("()ll()"))
print(("hello"):find("xyz"), ("hello"):match("xyz"))
