/// A thin C shim over the system ICU (libicu-dev).
///
/// The public interface uses plain C types only (UTF-16 as uint16_t), so a Swift module that
/// imports Foundation (which carries its own renamed ICU) can call it without seeing ICU headers.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Length of the longest prefix of `text` that is certainly NFC (ICU quick check "yes").
int32_t cicu_nfc_span(const uint16_t *text, int32_t length);

/// NFC-normalizes `text` into `out` (capacity `capacity`). Returns the output length, or -1 on
/// error (including a too-small buffer; 3 × length + 16 is always enough).
int32_t cicu_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/// 1 when the code point starts a new NFC segment (nothing before it can combine with it).
int32_t cicu_nfc_boundary_before(uint32_t codePoint);

/// Fills `table` (65,536 entries, one per UTF-16 unit) with each unit's Sentence_Break property
/// value as ICU's break rules see it (UAX #29: U_SB_OTHER 0, ATerm 1, Close 2, Format 3, Lower 4,
/// Numeric 5, OLetter 6, Sep 7, Sp 8, STerm 9, Upper 10, CR 11, Extend 12, LF 13, SContinue 14).
/// Surrogate units get 255.
void cicu_sentence_break_classes(uint8_t *table);

/// Fills `table` (65,536 entries) with 1 for each unit that is a BMP code point with NFC quick
/// check "yes" and combining class 0: text made only of such units is already NFC. Surrogates get 0.
void cicu_nfc_inert_units(uint8_t *table);

/// Break iterator kinds.
enum { CICU_BREAK_WORD = 0, CICU_BREAK_SENTENCE = 1 };

/// Runs an ICU break iterator (locale "vi") over `text` and writes every boundary after 0 into
/// `boundaries` and its rule status into `statuses` (may be NULL). Returns the number of
/// boundaries written, or -1 on ICU error. `capacity` must be at least length + 1.
int32_t cicu_boundaries(int32_t kind, const uint16_t *text, int32_t length,
                        int32_t *boundaries, int32_t *statuses, int32_t capacity);

/// Rule-status ranges of the word break iterator (UBRK_WORD_*), for classifying word tokens.
enum {
    CICU_WORD_NONE_LIMIT = 100,
    CICU_WORD_NUMBER_LIMIT = 200,
    CICU_WORD_LETTER_LIMIT = 300,
    CICU_WORD_KANA_LIMIT = 400,
    CICU_WORD_IDEO_LIMIT = 500
};

/// The ICU version string, e.g. "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
