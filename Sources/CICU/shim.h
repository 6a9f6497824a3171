// Stable names for the few ICU C functions Verbatim uses.
//
// ICU renames every C function by macro (`ubrk_open` -> `ubrk_open_72`) and Swift
// cannot see the macros, so each function used gets a `static inline` wrapper here.
// Foundation carries its own ICU; a compilation that sees both rejects types defined
// differently in the two modules, so the clashing enum types get private names first
// and no ICU type appears in the wrappers' signatures (error codes are int32_t).
#ifndef VERBATIM_CICU_SHIM_H
#define VERBATIM_CICU_SHIM_H

#define UErrorCode VerbatimICUErrorCode
#define UProperty VerbatimICUProperty
#define UBlockCode VerbatimICUBlockCode
#define UIndicSyllabicCategory VerbatimICUIndicSyllabicCategory
#define UJoiningGroup VerbatimICUJoiningGroup
#define ULineBreak VerbatimICULineBreak

#include <stdint.h>
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>

/// True when an ICU status code is a failure (warnings such as U_USING_DEFAULT_WARNING are not).
static inline int verbatim_icu_failed(int32_t status) { return U_FAILURE((UErrorCode)status); }

/// A sentence break iterator for `locale` (e.g. "en_US@ss=standard"), with no text yet.
static inline void *verbatim_sentence_iterator_open(const char *locale, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &s);
    *status = (int32_t)s;
    return (void *)bi;
}

/// Points the iterator at `text` (not copied: it must outlive the iteration).
static inline void verbatim_break_set_text(void *bi, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)bi, (const UChar *)text, length, &s);
    *status = (int32_t)s;
}

static inline int32_t verbatim_break_first(void *bi) { return ubrk_first((UBreakIterator *)bi); }
/// The next boundary, or -1 at the end.
static inline int32_t verbatim_break_next(void *bi) { return ubrk_next((UBreakIterator *)bi); }
static inline void verbatim_break_close(void *bi) { ubrk_close((UBreakIterator *)bi); }

/// UTF-8 -> UTF-16 with U+FFFD for ill-formed input; returns the UTF-16 length written.
static inline int32_t verbatim_utf8_to_utf16(uint16_t *dest, int32_t capacity,
                                             const char *src, int32_t srcLength, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8WithSub((UChar *)dest, capacity, &length, src, srcLength, 0xFFFD, NULL, &s);
    *status = (int32_t)s;
    return length;
}

/// The shared NFKC_Casefold normaliser (owned by ICU, never closed).
static inline const void *verbatim_nfkc_casefold(int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&s);
    *status = (int32_t)s;
    return (const void *)n;
}

/// Normalises `src` into `dest`; returns the length needed (may exceed capacity).
static inline int32_t verbatim_normalize(const void *normalizer, const uint16_t *src, int32_t length,
                                         uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    int32_t n = unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)src, length,
                                 (UChar *)dest, capacity, &s);
    *status = (int32_t)s;
    return n;
}

/// A transliterator by ICU id (e.g. "Any-Latin; Latin-ASCII"), forward direction.
static inline void *verbatim_transliterator_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &s);
    *status = (int32_t)s;
    return (void *)t;
}

/// Transliterates `text` in place; `length` is updated; returns the needed length.
static inline int32_t verbatim_transliterate(void *t, uint16_t *text, int32_t *length, int32_t capacity,
                                             int32_t *status) {
    UErrorCode s = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)t, (UChar *)text, length, capacity, 0, &limit, &s);
    *status = (int32_t)s;
    return *length;
}

static inline void verbatim_transliterator_close(void *t) { utrans_close((UTransliterator *)t); }

#endif
