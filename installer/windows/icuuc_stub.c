/*
 * A stand-in for the Windows system icuuc.dll, for building and testing under
 * Wine only.  Qt >= 6.10 imports ICU's converter functions from the system
 * icuuc.dll (present on Windows 10 1903+), which Wine 8 does not provide, so
 * Qt6Core.dll would not load.  Every converter here fails to open, and Qt then
 * uses its built-in UTF-8/UTF-16/Latin-1 codecs — all this application needs.
 *
 * It is copied into the Wine prefix's system32 and must never be bundled with
 * the application (build_windows.sh asserts that).
 *
 * Build: x86_64-w64-mingw32-gcc -shared -O2 -o icuuc.dll icuuc_stub.c
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

static void fail(UErrorCode *err) {
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err); return NULL; }
EXPORT void ucnv_close(UConverter *c) { (void)c; }
EXPORT void ucnv_reset(UConverter *c) { (void)c; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return ""; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; fail(err); return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const UChar *units, int32_t len,
                                            int32_t cp, int reason, UErrorCode *err) {
    (void)ctx; (void)args; (void)units; (void)len; (void)cp; (void)reason; (void)err;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *bytes, int32_t len,
                                          int reason, UErrorCode *err) {
    (void)ctx; (void)args; (void)bytes; (void)len; (void)reason; (void)err;
}
EXPORT void ucnv_getToUCallBack(const UConverter *c, void **action, const void **ctx) {
    (void)c; if (action) *action = NULL; if (ctx) *ctx = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *c, void **action, const void **ctx) {
    (void)c; if (action) *action = NULL; if (ctx) *ctx = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *c, void *action, const void *ctx, void **old_action,
                                const void **old_ctx, UErrorCode *err) {
    (void)c; (void)action; (void)ctx; (void)old_action; (void)old_ctx; fail(err);
}
EXPORT void ucnv_setFromUCallBack(UConverter *c, void *action, const void *ctx, void **old_action,
                                  const void **old_ctx, UErrorCode *err) {
    (void)c; (void)action; (void)ctx; (void)old_action; (void)old_ctx; fail(err);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; fail(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset,
                                    UErrorCode *err) {
    (void)args; (void)source; (void)limit; (void)offset; fail(err);
}
EXPORT void ucnv_toUnicode(UConverter *c, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err);
}
EXPORT void ucnv_fromUnicode(UConverter *c, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *err) { (void)c; fail(err); return 0; }
