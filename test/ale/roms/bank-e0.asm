; E0 (8K, Parker Bros): eight 1K slices; the window's first three 1K
; segments each take any slice ($FE0-$FE7 segment 0, $FE8-$FEF segment 1,
; $FF0-$FFF7 segment 2), the last segment always shows slice 7, where the
; program lives. Each slice starts with its ID, $E0 + slice number.
        processor 6502
        include "banks.h"

SLICE   SET 0
        REPEAT 7
        org SLICE * $400
        .byte $E0 + SLICE
SLICE   SET SLICE + 1
        REPEND

        org $1C00
        rorg $FC00
        .byte $E7
Start   INIT
        RECORD $F000    ; $E4, $E5, $E6: slices 4-6 at reset
        RECORD $F400
        RECORD $F800
        sta $1FE0       ; segment 0 <- slice 0 (auto-detection looks for STA $1FE0)
        lda $FFEB       ; segment 1 <- slice 3
        bit $FFF2       ; segment 2 <- slice 2
        RECORD $F000    ; $E0
        RECORD $F400    ; $E3
        RECORD $F800    ; $E2
        lda $FFF8       ; not an E0 hot spot
        RECORD $F800    ; $E2
        RECORD $FC00    ; $E7: the fixed segment
        jmp .

        org $1FFC
        rorg $FFFC
        .word Start, Start
