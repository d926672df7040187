; 3F (8K, Tigervision): four 2K banks; a write to $00-$3F puts bank
; (value mod 4) at $F000-$F7FF, and $F800-$FFFF always shows the last bank,
; where the program lives. Each bank starts with its ID, $30 + bank number.
        processor 6502
        include "banks.h"

BANK    SET 0
        REPEAT 3
        org BANK * $800
        .byte $30 + BANK
BANK    SET BANK + 1
        REPEND

        org $1800
        rorg $F800
        .byte $33
Start   INIT
        RECORD $F000    ; $30: bank 0 at reset
        lda #2
        sta $3F         ; (STA $3F, twice in the image, is what auto-detection looks for)
        RECORD $F000    ; $32
        lda #5
        sta $3F
        RECORD $F000    ; $31: 5 mod 4
        lda #3
        sta $3F
        RECORD $F000    ; $33: the fixed bank in both halves
        RECORD $F800    ; $33
        jmp .

        org $1FFC
        rorg $FFFC
        .word Start, Start
