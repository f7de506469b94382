; Sections and reasons with braces fold, as the language server's folding ranges do.
[
  (section)
  (reason_body)
] @fold
