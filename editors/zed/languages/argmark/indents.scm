(section "}" @end) @indent
(reason_body "}" @end) @indent
(allow ")" @end) @indent
