; The outline: the title, sections, sources, statements and reasons, nested
; as they are in the map (the language server's document symbols).
(title
  "title" @context
  text: (string) @name) @item

(section
  "section" @context
  title: (string) @name) @item

(source
  "source" @context
  name: (identifier) @name) @item

(statement
  kind: (statement_kind) @context
  name: (identifier) @name) @item

(reason
  "reason" @context
  name: (identifier) @name) @item
