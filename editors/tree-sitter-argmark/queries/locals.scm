; One map is one scope: an id may be used before it is declared, anywhere in the file.
(source_file) @local.scope

(statement
  name: (identifier) @local.definition)

(reason
  name: (identifier) @local.definition)

(source
  name: (identifier) @local.definition)

(identifier) @local.reference
