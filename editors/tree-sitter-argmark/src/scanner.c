// Ids (rule `identifier`: a key that is not a keyword), the soft keywords of
// argmark, and the premise of an `a->b` target.
//
// A reserved word is never an id, even where the grammar expects one: after
// a half-typed `claim a`, the `claim` of the next line stays a keyword, and
// error recovery starts a new statement there. `called`, `also`, `contrary`
// and `from` are keywords only where the argmark parser reads them as such:
// `called` and `also` when a string follows them, `contrary` when an id that
// is not a keyword follows it, `from` right after an inference's `--` and its
// rules. Elsewhere they are ids. An id may end in `-`, so in `a->b` the last
// `-` of the word before `>` begins the arrow: the premise is the word
// without it.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <string.h>

enum TokenType {
  CALLED,
  ALSO,
  CONTRARY,
  FROM,
  ARROW_PREMISE,
  IDENTIFIER,
  ERROR_SENTINEL,
};

// Reserved words (rule `keyword`): no id is one of them.
static const char *const KEYWORDS[] = {
    "thesis", "claim",    "premise", "evidence",    "assumption",
    "counterclaim", "rebuttal", "reason",  "section",     "source",
    "title",  "meta",     "supports", "attacks",    "undercuts",
    "contradicts", "cites", "by",     "note",        "allow",
    "url",
};

// Any character outside ASCII counts as a letter: Unicode's tables are not
// at hand in C, and a map that the argmark parser accepts has no other.
static bool is_word_start(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_word_char(int32_t c) {
  return is_word_start(c) || (c >= '0' && c <= '9') || c == '-';
}

static void skip_blanks_and_comments(TSLexer *lexer) {
  for (;;) {
    int32_t c = lexer->lookahead;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      lexer->advance(lexer, false);
    } else if (c == '/') {
      lexer->advance(lexer, false);
      if (lexer->lookahead != '/') {
        return;
      }
      while (lexer->lookahead != '\n' && !lexer->eof(lexer)) {
        lexer->advance(lexer, false);
      }
    } else {
      return;
    }
  }
}

// Reads a word into `word` (its first bytes when long; ASCII only matters).
// With `mark`, it marks the token's end before each character, so that the
// mark stands before the word's last character when it returns.
static unsigned read_word(TSLexer *lexer, char *word, unsigned size, int32_t *last, bool mark) {
  unsigned len = 0;
  while (is_word_char(lexer->lookahead)) {
    if (mark) {
      lexer->mark_end(lexer);
    }
    *last = lexer->lookahead;
    if (len + 1 < size) {
      word[len] = lexer->lookahead < 0x80 ? (char)lexer->lookahead : '?';
    }
    len++;
    lexer->advance(lexer, false);
  }
  word[len + 1 < size ? len : size - 1] = '\0';
  return len;
}

static bool is_keyword(const char *word) {
  for (unsigned k = 0; k < sizeof(KEYWORDS) / sizeof(KEYWORDS[0]); k++) {
    if (strcmp(word, KEYWORDS[k]) == 0) {
      return true;
    }
  }
  return false;
}

static bool id_follows(TSLexer *lexer) {
  skip_blanks_and_comments(lexer);
  if (!is_word_start(lexer->lookahead)) {
    return false;
  }
  char word[16];
  int32_t last = 0;
  read_word(lexer, word, sizeof word, &last, false);
  return !is_keyword(word);
}

void *tree_sitter_argmark_external_scanner_create(void) { return NULL; }

void tree_sitter_argmark_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_argmark_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_argmark_external_scanner_deserialize(void *payload, const char *buffer,
                                                      unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// Whether a word read (and marked as the token) is one of the soft keywords
// in a place where it is one; sets the token if so.
static bool soft_keyword(TSLexer *lexer, const bool *valid_symbols, const char *word) {
  if ((valid_symbols[CALLED] && strcmp(word, "called") == 0) ||
      (valid_symbols[ALSO] && strcmp(word, "also") == 0)) {
    lexer->result_symbol = word[0] == 'c' ? CALLED : ALSO;
    skip_blanks_and_comments(lexer);
    return lexer->lookahead == '"';
  }
  if (valid_symbols[CONTRARY] && strcmp(word, "contrary") == 0) {
    lexer->result_symbol = CONTRARY;
    return id_follows(lexer);
  }
  if (valid_symbols[FROM] && strcmp(word, "from") == 0) {
    lexer->result_symbol = FROM;
    return true;
  }
  return false;
}

bool tree_sitter_argmark_external_scanner_scan(void *payload, TSLexer *lexer,
                                               const bool *valid_symbols) {
  (void)payload;
  // In error recovery every token is valid: only ids are read here then, so
  // that a keyword reaches the grammar's lexer as a keyword.
  bool recovering = valid_symbols[ERROR_SENTINEL];
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t' || lexer->lookahead == '\r' ||
         lexer->lookahead == '\n' || lexer->lookahead == 0xFEFF) {
    lexer->advance(lexer, true);
  }
  if (!is_word_start(lexer->lookahead)) {
    return false;
  }
  char word[16];
  int32_t last = 0;
  read_word(lexer, word, sizeof word, &last, true);

  if (!recovering && valid_symbols[ARROW_PREMISE] && last == '-' && lexer->lookahead == '>') {
    lexer->result_symbol = ARROW_PREMISE;
    return true;
  }
  lexer->mark_end(lexer);
  if (!recovering && soft_keyword(lexer, valid_symbols, word)) {
    return true;
  }
  if (is_keyword(word) || !valid_symbols[IDENTIFIER]) {
    return false;
  }
  lexer->result_symbol = IDENTIFIER;
  return true;
}
