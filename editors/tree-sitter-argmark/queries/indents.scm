; nvim-treesitter's indentation captures: the insides of braces are indented.
[
  (section)
  (reason_body)
  (allow)
] @indent.begin

[
  "}"
  ")"
] @indent.branch @indent.end

(comment) @indent.auto

(string) @indent.ignore
