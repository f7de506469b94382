; The captures follow the language server's semantic tokens (docs/editors.md),
; as near as the editor's names allow: statement kinds are types, relations
; and `--` operators, statement ids variables, reason ids functions, tags
; attributes and check codes constants. Each node gets one capture, so the
; order of the patterns does not matter to editors that rank them differently.

(comment) @comment

(string) @string

(escape_sequence) @string.escape

(statement_kind) @type

[
  "title"
  "meta"
  "source"
  "url"
  "reason"
  "section"
  "cites"
  "by"
  "note"
  "called"
  "also"
  "allow"
  "from"
] @keyword

(relation) @operator

[
  "--"
  "->"
] @operator

(meta
  key: (key) @property)

(source
  name: (identifier) @namespace)

(cites
  source: (identifier) @namespace)

(statement
  name: (identifier) @variable)

(reason
  name: (identifier) @function)

(reason_body
  (identifier) @variable)

(inference
  use: (identifier) @variable)

(inference
  conclusion: (identifier) @variable)

(relation_line
  subject: (identifier) @variable)

(relation_line
  target: (identifier) @variable)

(relation_attribute
  target: (identifier) @variable)

(reason_ref
  premise: (identifier) @variable
  conclusion: (identifier) @variable)

[
  "#"
  "#("
] @attribute

(tag
  name: (tag_name) @attribute)

(check_code) @constant

[
  "{"
  "}"
  "("
  ")"
] @punctuation.bracket

"," @punctuation.delimiter
