-- checks: gsub count results with anchors and empty matches
print(("aaa"):gsub("^a", "x"))
print(("   x  y   "):gsub("%s+", " "))
print(("a b c"):gsub(" ", "", 1))
print(("abc"):gsub(".-", "#"))
print(("hello world"):gsub("o*", "_"))
print(("path/to/file.txt"):gsub("[/.]", {["/"] = "\\", ["."] = ","}))
