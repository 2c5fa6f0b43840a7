#include "cicu.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

static const UNormalizer2 *nfc(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&status);
    return U_SUCCESS(status) ? n : 0;
}

int32_t cicu_nfc_span(const uint16_t *text, int32_t length) {
    const UNormalizer2 *n = nfc();
    if (!n) return 0;
    UErrorCode status = U_ZERO_ERROR;
    int32_t span = unorm2_spanQuickCheckYes(n, (const UChar *)text, length, &status);
    return U_SUCCESS(status) ? span : 0;
}

int32_t cicu_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
    const UNormalizer2 *n = nfc();
    if (!n) return -1;
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = unorm2_normalize(n, (const UChar *)text, length, (UChar *)out, capacity, &status);
    return U_SUCCESS(status) ? written : -1;
}

int32_t cicu_nfc_boundary_before(uint32_t codePoint) {
    const UNormalizer2 *n = nfc();
    if (!n) return 1;
    return unorm2_hasBoundaryBefore(n, (UChar32)codePoint) ? 1 : 0;
}

void cicu_sentence_break_classes(uint8_t *table) {
    for (UChar32 c = 0; c < 0x10000; c++) {
        table[c] = (c >= 0xD800 && c <= 0xDFFF) ? 255 : (uint8_t)u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    }
}

void cicu_nfc_inert_units(uint8_t *table) {
    for (UChar32 c = 0; c < 0x10000; c++) {
        table[c] = !(c >= 0xD800 && c <= 0xDFFF)
            && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
            && u_getCombiningClass(c) == 0;
    }
}

int32_t cicu_boundaries(int32_t kind, const uint16_t *text, int32_t length,
                        int32_t *boundaries, int32_t *statuses, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, "vi", (const UChar *)text, length, &status);
    if (U_FAILURE(status) || !it) return -1;
    int32_t count = 0;
    for (int32_t b = ubrk_next(it); b != UBRK_DONE && count < capacity; b = ubrk_next(it)) {
        boundaries[count] = b;
        if (statuses) statuses[count] = ubrk_getRuleStatus(it);
        count++;
    }
    ubrk_close(it);
    return count;
}

const char *cicu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}
