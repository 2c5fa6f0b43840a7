#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants K of FIPS 180-4 (shared with the portable Swift code).
const uint32_t *csha256_round_constants(void);

/// 1 when this CPU has the x86 SHA extensions (and SSSE3, SSE4.1), so csha256_blocks may be called.
int csha256_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (H0…H7 in FIPS 180-4 order). Only call it when csha256_available() is 1.
void csha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
