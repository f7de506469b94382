/**
 * @file The argmark language: argument maps in plain text.
 *
 * Follows grammar/argmark.ebnf and the parser in src/syntax/ of the argmark
 * crate. Ids are read by the external scanner (src/scanner.c), which never
 * takes a reserved word for one, so a half-typed line leaves the keywords of
 * the next line keywords. It also decides the four soft keywords (`called`,
 * `also`, `contrary`, `from`), looking past the word as the argmark parser
 * does, and the premise of an `a->b` target.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// rule `key`: a letter or `_`, then letters, digits, `_` and `-`; a keyword too.
const KEY = /[\p{Alphabetic}_][\p{Alphabetic}\p{N}_-]*/;
// rule `word`: letters, digits, `_` and `-`.
const WORD = /[\p{Alphabetic}\p{N}_-]+/;

/**
 * One or more `rule`, separated by commas.
 * @param {RuleOrLiteral} rule
 */
function commaSep1(rule) {
  return seq(rule, repeat(seq(',', rule)));
}

module.exports = grammar({
  name: 'argmark',

  extras: $ => [/[ \t\r\n]/, '\uFEFF', $.comment],

  externals: $ => [
    $._called,
    $._also,
    $._contrary,
    $._from,
    $._arrow_premise,
    $.identifier,
    $._error_sentinel,
  ],

  supertypes: $ => [$._item, $._attribute],

  rules: {
    source_file: $ => repeat($._item),

    _item: $ => choice(
      $.title,
      $.meta,
      $._section_item,
    ),

    _section_item: $ => choice(
      $.source,
      $.statement,
      $.reason,
      $.section,
      $.relation_line,
    ),

    title: $ => seq('title', field('text', $.string)),

    meta: $ => seq(
      'meta',
      field('key', alias($._key, $.key)),
      field('value', $.string),
    ),

    source: $ => seq(
      'source',
      field('name', $.identifier),
      field('citation', $.string),
      optional(seq('url', field('url', $.string))),
    ),

    statement: $ => seq(
      field('kind', $.statement_kind),
      field('name', $.identifier),
      field('text', $.string),
      repeat(field('attribute', $._attribute)),
    ),

    statement_kind: _ => choice(
      'thesis',
      'claim',
      'premise',
      'evidence',
      'assumption',
      'counterclaim',
      'rebuttal',
    ),

    reason: $ => seq(
      'reason',
      field('name', $.identifier),
      optional(field('label', $.string)),
      repeat(field('attribute', $._attribute)),
      optional(field('body', $.reason_body)),
    ),

    reason_body: $ => seq(
      '{',
      repeat(choice($.statement, $.identifier, $.inference)),
      '}',
    ),

    inference: $ => seq(
      '--',
      optional(commaSep1(field('rule', $.string))),
      optional(seq(alias($._from, 'from'), commaSep1(field('use', $.identifier)))),
      field('conclusion', choice($.statement, $.identifier)),
    ),

    section: $ => seq(
      'section',
      field('title', $.string),
      '{',
      repeat($._section_item),
      '}',
    ),

    relation_line: $ => seq(
      field('subject', $.identifier),
      field('relation', $.relation),
      commaSep1(field('target', $._target)),
    ),

    _attribute: $ => choice(
      $.relation_attribute,
      $.cites,
      $.by,
      $.note,
      $.called,
      $.also,
      $.tag,
      $.allow,
    ),

    relation_attribute: $ => seq(
      field('relation', $.relation),
      commaSep1(field('target', $._target)),
    ),

    relation: $ => choice(
      'supports',
      'attacks',
      'undercuts',
      'contradicts',
      alias($._contrary, 'contrary'),
    ),

    _target: $ => choice($.identifier, $.reason_ref),

    // `a->b`: the reason behind `a supports b`, written with no spaces.
    reason_ref: $ => seq(
      field('premise', alias($._arrow_premise, $.identifier)),
      token.immediate('->'),
      field('conclusion', $.identifier),
    ),

    cites: $ => seq('cites', commaSep1(field('source', $.identifier))),

    by: $ => seq('by', field('text', $.string)),

    note: $ => seq('note', field('text', $.string)),

    called: $ => seq(alias($._called, 'called'), field('text', $.string)),

    also: $ => seq(alias($._also, 'also'), field('text', $.string)),

    tag: $ => choice(
      seq('#', field('name', alias(token.immediate(WORD), $.tag_name))),
      seq(
        '#(',
        field('name', alias(token.immediate(/[^)\n]+/), $.tag_name)),
        token.immediate(')'),
      ),
    ),

    allow: $ => seq(
      'allow',
      '(',
      commaSep1(field('code', alias($._key, $.check_code))),
      optional(','),
      ')',
    ),

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      '"',
    ),

    // Above a comment's precedence: `//` inside a string is text.
    string_content: _ => token.immediate(prec(1, /[^"\\]+/)),

    escape_sequence: _ => token.immediate(/\\["\\nt]/),

    _key: _ => KEY,

    comment: _ => token(seq('//', /[^\n]*/)),
  },
});
